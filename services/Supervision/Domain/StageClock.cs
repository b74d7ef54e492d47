using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>One statutory clock of a petition: who must act, from when, by when, and whether they did.</summary>
/// <param name="CaseId">The case the clock belongs to; null for the petition's own intake-decision clock.</param>
public sealed record StageClock(
    string Stage,
    string OrgId,
    Guid? CaseId,
    DateTimeOffset StartedAt,
    DateTimeOffset DueBy,
    DateTimeOffset? DoneAt)
{
    /// <summary>Hearings (听证) held on a review or re-review, whose days the due date already leaves out; oldest first.</summary>
    public IReadOnlyList<HearingPeriod> Hearings { get; init; } = [];

    /// <summary>A finished stage is judged by when it was done; an open one by the present moment.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => StatutoryCalendar.IsOverdue(DueBy, DoneAt ?? now);
}

/// <summary>The days of one hearing (China calendar days, both included).</summary>
public sealed record HearingPeriod(DateOnly StartedOn, DateOnly EndedOn);
