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

    /// <summary>The holiday notices loaded at run time that moved the due date, oldest first; the last one's date is <see cref="DueBy"/>.</summary>
    public IReadOnlyList<DueDateMove> Moves { get; init; } = [];

    /// <summary>Two clocks are the same when their hearings and moves are the same, not the same list instances.</summary>
    public bool Equals(StageClock? other) =>
        other is not null && (Stage, OrgId, CaseId, StartedAt, DueBy, DoneAt) == (other.Stage, other.OrgId, other.CaseId, other.StartedAt, other.DueBy, other.DoneAt)
        && Hearings.SequenceEqual(other.Hearings) && Moves.SequenceEqual(other.Moves);

    public override int GetHashCode() => HashCode.Combine(Stage, OrgId, CaseId, StartedAt, DueBy, DoneAt, Hearings.Count, Moves.Count);

    /// <summary>
    /// Whether the due date was counted on a year whose holiday notice is not loaded. Decided here from the clock's own
    /// start and due date rather than carried in the events: every service counts on the same calendar (Contracts), so
    /// the answer is the one the service that set the date would give, and it needs no new field in the eight events
    /// that carry due dates, nor anything from events stored before it existed.
    /// </summary>
    public bool Provisional => StatutoryCalendar.China.IsProvisional(StartedAt, DueBy);

    /// <summary>A finished stage is judged by when it was done; an open one by the present moment.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => StatutoryCalendar.IsOverdue(DueBy, DoneAt ?? now);
}

/// <summary>A clock's due date moved by the holiday notice of <paramref name="NoticeYear"/> (<paramref name="NoticeReference"/>), at <paramref name="At"/>.</summary>
public sealed record DueDateMove(DateTimeOffset PreviousDueBy, DateTimeOffset DueBy, int NoticeYear, string NoticeReference, DateTimeOffset At);

/// <summary>The days of one hearing (China calendar days, both included).</summary>
public sealed record HearingPeriod(DateOnly StartedOn, DateOnly EndedOn);
