using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// One petition's part in the indicators of DOMAIN.md §6 (docs/supervision.md, "Indicators"). Every indicator is a count
/// over petitions, their clocks or their cases, so a region's figures are the sum of its petitions' parts. A part
/// depends on the instant it is judged at only through clocks still open (one counts once past its deadline), so it is
/// kept as <see cref="Base"/>, the counts while no open clock has passed its deadline, and the open deadlines that can
/// change them. A petition with nothing open is <see cref="IsSettled"/>: its part is the same at any instant, which is
/// what lets the ledger keep sums per region and day instead of judging every petition ever registered.
/// </summary>
/// <param name="Base">The counts while none of the open clocks has passed its deadline; all of them once nothing is open.</param>
/// <param name="AcceptanceOpenDues">Deadlines of the acceptance clocks still open.</param>
/// <param name="HandlingOpenDues">Deadlines of the handling clocks still open.</param>
/// <param name="EarliestOpenDue">The earliest deadline of any open statutory clock; null when none is open.</param>
/// <param name="LateSince">The earliest deadline of a statutory clock done after it; null when none was done late.</param>
/// <param name="LastAnsweredAt">The latest first answer of any of its cases; null when none was answered.</param>
public sealed record PetitionIndicators(
    Guid PetitionId,
    string RegionCode,
    DateTimeOffset RegisteredAt,
    IndicatorSet Base,
    IReadOnlyList<DateTimeOffset> AcceptanceOpenDues,
    IReadOnlyList<DateTimeOffset> HandlingOpenDues,
    DateTimeOffset? EarliestOpenDue,
    DateTimeOffset? LateSince,
    DateTimeOffset? LastAnsweredAt)
{
    public bool IsSettled => EarliestOpenDue is null;

    /// <summary>The China calendar day of registration: the day whose sums the petition's part belongs to.</summary>
    public DateOnly RegisteredOn => StatutoryCalendar.DayOf(RegisteredAt);

    /// <summary>The petition's counts judged at <paramref name="asOf"/>: an open clock past its deadline has failed.</summary>
    public IndicatorSet At(DateTimeOffset asOf)
    {
        if (EarliestOpenDue is not { } earliest || !StatutoryCalendar.IsOverdue(earliest, asOf))
        {
            return Base;
        }

        var acceptanceMissed = AcceptanceOpenDues.Count(due => StatutoryCalendar.IsOverdue(due, asOf));
        var handlingMissed = HandlingOpenDues.Count(due => StatutoryCalendar.IsOverdue(due, asOf));
        return Base with
        {
            TimelyAcceptance = Base.TimelyAcceptance with { Denominator = Base.TimelyAcceptance.Denominator + acceptanceMissed },
            OnTimeCompletion = Base.OnTimeCompletion with { Denominator = Base.OnTimeCompletion.Denominator + handlingMissed },
            BacklogResolved = Backlog(LateSince is { } late && late < earliest ? late : earliest, LastAnsweredAt),
        };
    }

    /// <summary>The petition's part as its registration and its ledger's events make it.</summary>
    public static PetitionIndicators Of(PetitionHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        // The clocks are the ledger's own, so the indicators judge exactly the deadlines supervisors see.
        var clocks = LedgerProjection.Project(history.PetitionId, history.Events).Stages;
        var acceptance = clocks.Where(c => c.Stage == LedgerStages.Acceptance).ToList();
        var handling = clocks.Where(c => c.Stage == LedgerStages.Handling).ToList();

        var ratings = history.Events.OfType<CaseEvaluated>()
            .GroupBy(e => e.CaseId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.OccurredAt)!.Rating);
        // A case answered twice (a corrected answer) counts once, from its first answer.
        var answered = history.Events.OfType<CaseAnswered>()
            .GroupBy(e => e.CaseId)
            .Select(g => (AnsweredAt: g.Min(e => e.OccurredAt), CaseId: g.Key, Rating: ratings.GetValueOrDefault(g.Key)))
            .OrderBy(c => c.AnsweredAt).ThenBy(c => c.CaseId)
            .ToList();
        var rated = answered.Where(c => c.Rating is not null).ToList();
        var reviewed = history.Events.Any(e => e is ReviewRequested
            || e is CaseOpened { Stage: not CaseStages.Original }
            || e is CaseAnswered { Stage: not CaseStages.Original });
        // Resolved the first time: the first answer was rated satisfied, no review followed, and the matter did not come back.
        var resolvedAtOnce = answered.Count > 0 && IsSatisfied(answered[0].Rating) && !reviewed
            && history.RepeatOf is null && !history.RepeatedLater;

        // The backlog indicator is defined over the statutory clocks; the dispute decision period is the platform's own.
        var statutory = clocks.Where(c => c.Stage != LedgerStages.RoutingDecision).ToList();
        var lateSince = statutory.Where(c => c.DoneAt is not null && c.IsOverdueAt(c.DoneAt.Value)).Select(c => (DateTimeOffset?)c.DueBy).Min();
        var earliestOpen = statutory.Where(c => c.DoneAt is null).Select(c => (DateTimeOffset?)c.DueBy).Min();
        var lastAnswered = answered.Count > 0 ? answered.Max(c => c.AnsweredAt) : (DateTimeOffset?)null;

        var counts = new IndicatorSet(
            TimelyAcceptance: Ratio.Count(acceptance.Where(c => c.DoneAt is not null), DoneInTime),
            OnTimeCompletion: Ratio.Count(handling.Where(c => c.DoneAt is not null), DoneInTime),
            EvaluationParticipation: new Ratio(rated.Count, answered.Count),
            Satisfaction: Ratio.Count(rated, c => IsSatisfied(c.Rating)),
            OneTimeResolution: answered.Count > 0 ? Ratio.One(resolvedAtOnce) : Ratio.Empty,
            RepeatPetitions: Ratio.One(history.RepeatOf is not null),
            OnlineShare: Ratio.One(PetitionChannels.IsOnline(history.Channel)),
            BacklogResolved: Backlog(lateSince, lastAnswered));
        return new PetitionIndicators(
            history.PetitionId, history.RegionCode, history.RegisteredAt, counts,
            [.. acceptance.Where(c => c.DoneAt is null).Select(c => c.DueBy)],
            [.. handling.Where(c => c.DoneAt is null).Select(c => c.DueBy)],
            earliestOpen, lateSince, lastAnswered);
    }

    private static bool DoneInTime(StageClock clock) => clock.DoneAt is { } done && !StatutoryCalendar.IsOverdue(clock.DueBy, done);

    private static bool IsSatisfied(string? rating) => rating is Ratings.Satisfied or Ratings.BasicallySatisfied;

    /// <summary>A petition that missed a deadline counts; it counts as resolved when a case was answered after the first miss.</summary>
    private static Ratio Backlog(DateTimeOffset? overdueSince, DateTimeOffset? lastAnsweredAt) =>
        overdueSince is { } since ? Ratio.One(lastAnsweredAt > since) : Ratio.Empty;
}
