using PetitionPlatform.Contracts;

namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// The indicators of DOMAIN.md §6 over a set of registered petitions (the cohort of a region and period), judged as of
/// one instant. One pure function, so that every figure can be recomputed from the ledger and checked; the exact
/// definitions are in docs/supervision.md ("Indicators").
/// </summary>
public static class IndicatorRules
{
    public static IndicatorSet Compute(IEnumerable<PetitionHistory> cohort, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var petitions = cohort.Select(p => Facts.Of(p, asOf)).ToList();

        var acceptance = petitions.SelectMany(p => p.Clocks).Where(c => c.Stage == LedgerStages.Acceptance);
        var handling = petitions.SelectMany(p => p.Clocks).Where(c => c.Stage == LedgerStages.Handling);
        var answeredCases = petitions.SelectMany(p => p.AnsweredCases).ToList();
        var answeredPetitions = petitions.Where(p => p.AnsweredCases.Count > 0).ToList();

        return new IndicatorSet(
            TimelyAcceptance: Ratio.Count(acceptance.Where(c => Judged(c, asOf)), DoneInTime),
            OnTimeCompletion: Ratio.Count(handling.Where(c => Judged(c, asOf)), DoneInTime),
            EvaluationParticipation: Ratio.Count(answeredCases, c => c.Rating is not null),
            Satisfaction: Ratio.Count(answeredCases.Where(c => c.Rating is not null), c => IsSatisfied(c.Rating)),
            OneTimeResolution: Ratio.Count(answeredPetitions, ResolvedAtOnce),
            RepeatPetitions: Ratio.Count(petitions, p => p.History.RepeatOf is not null),
            OnlineShare: Ratio.Count(petitions, p => PetitionChannels.IsOnline(p.History.Channel)),
            BacklogResolved: Ratio.Count(petitions.Where(p => p.OverdueSince is not null), AnsweredAfterOverdue));
    }

    /// <summary>A clock has a result once it is done, or once its deadline passed without it being done.</summary>
    private static bool Judged(StageClock clock, DateTimeOffset asOf) => clock.DoneAt is not null || clock.IsOverdueAt(asOf);

    private static bool DoneInTime(StageClock clock) => clock.DoneAt is { } done && done <= clock.DueBy;

    private static bool IsSatisfied(string? rating) => rating is Ratings.Satisfied or Ratings.BasicallySatisfied;

    /// <summary>Resolved the first time: the first answer was rated satisfied, no review followed, and the matter did not come back.</summary>
    private static bool ResolvedAtOnce(Facts petition) =>
        IsSatisfied(petition.AnsweredCases[0].Rating)
        && !petition.Reviewed
        && petition.History.RepeatOf is null
        && !petition.History.RepeatedLater;

    private static bool AnsweredAfterOverdue(Facts petition) =>
        petition.AnsweredCases.Any(c => c.AnsweredAt > petition.OverdueSince);

    /// <param name="Rating">The case's latest evaluation, null when not evaluated.</param>
    private sealed record AnsweredCase(Guid CaseId, DateTimeOffset AnsweredAt, string? Rating);

    /// <param name="AnsweredCases">Oldest answer first.</param>
    /// <param name="OverdueSince">The earliest deadline the petition missed (any clock), null when it missed none.</param>
    private sealed record Facts(
        PetitionHistory History,
        IReadOnlyList<StageClock> Clocks,
        IReadOnlyList<AnsweredCase> AnsweredCases,
        bool Reviewed,
        DateTimeOffset? OverdueSince)
    {
        public static Facts Of(PetitionHistory history, DateTimeOffset asOf)
        {
            // The clocks are the ledger's own, so the indicators judge exactly the deadlines supervisors see.
            var clocks = LedgerProjection.Project(history.PetitionId, history.Events).Stages;
            var ratings = history.Events.OfType<CaseEvaluated>()
                .GroupBy(e => e.CaseId)
                .ToDictionary(g => g.Key, g => g.MaxBy(e => e.OccurredAt)!.Rating);
            // A case answered twice (a corrected answer) counts once, from its first answer.
            var answered = history.Events.OfType<CaseAnswered>()
                .GroupBy(e => e.CaseId)
                .Select(g => new AnsweredCase(g.Key, g.Min(e => e.OccurredAt), ratings.GetValueOrDefault(g.Key)))
                .OrderBy(c => c.AnsweredAt).ThenBy(c => c.CaseId)
                .ToList();
            var reviewed = history.Events.Any(e => e is ReviewRequested
                || e is CaseOpened { Stage: not CaseStages.Original }
                || e is CaseAnswered { Stage: not CaseStages.Original });
            // The backlog indicator is defined over the statutory clocks; the dispute decision period is the platform's own.
            var overdueSince = clocks.Where(c => c.Stage != LedgerStages.RoutingDecision && c.IsOverdueAt(asOf))
                .Select(c => (DateTimeOffset?)c.DueBy).Min();
            return new Facts(history, clocks, answered, reviewed, overdueSince);
        }
    }
}
