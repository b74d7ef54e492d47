namespace PetitionPlatform.Contracts;

/// <summary>
/// A review or re-review body held a hearing (听证) from <paramref name="StartedOn"/> to <paramref name="EndedOn"/>, days in
/// China, both included. The regulation does not count that time in the period, so the case's answer is now due by
/// <paramref name="DueBy"/> (every hearing of the case taken into account). Carries dates and ids only: who was heard is
/// kept out of every event.
/// </summary>
public sealed record CaseHearingRecorded(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string Stage,
    DateOnly StartedOn,
    DateOnly EndedOn,
    DateTimeOffset DueBy,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;
