namespace PetitionPlatform.Contracts;

/// <summary>
/// The petitioner asked for a review (复查) or re-review (复核) of an answer; handling opened <paramref name="NewCaseId"/>
/// at <paramref name="OrgId"/>, the unit one level above the one that answered, due by <paramref name="DueBy"/>.
/// </summary>
/// <param name="Stage">The new case's stage: review or re-review (<see cref="CaseStages"/>).</param>
/// <param name="AnsweredCaseId">The case whose answer is contested.</param>
/// <param name="AnsweredByOrgId">The unit whose answer is contested.</param>
public sealed record ReviewRequested(
    Guid PetitionId,
    Guid NewCaseId,
    string OrgId,
    string Stage,
    Guid AnsweredCaseId,
    string AnsweredByOrgId,
    DateTimeOffset DueBy,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;
