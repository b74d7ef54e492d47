using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>Each indicator's definition (docs/supervision.md, "Indicators") on small histories whose figures are worked out by hand.</summary>
public sealed class IndicatorRulesTests
{
    /// <summary>Monday 2 March 2026, 10:00 in China.</summary>
    private static readonly DateTimeOffset s_registered = new(2026, 3, 2, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    private static readonly DateTimeOffset s_routed = s_registered.AddDays(1);

    private static readonly DateTimeOffset s_acceptanceDue = StatutoryCalendar.China.DueBy(s_routed, 15);

    private static readonly DateTimeOffset s_accepted = s_routed.AddDays(2);

    private static readonly DateTimeOffset s_handlingDue = StatutoryCalendar.China.DueBy(s_accepted, 60);

    private static GeneratedPetition Petition(
        string channel = "letter", DateTimeOffset? routed = null, DateTimeOffset? declined = null, DateTimeOffset? accepted = null,
        int extension = 0, DateTimeOffset? answered = null, string? rating = null, DateTimeOffset? review = null,
        Guid? repeatOf = null, bool repeatedLater = false, bool withCase = true)
    {
        var routedAt = routed ?? s_routed;
        var @case = withCase
            ? new GeneratedCase(Guid.NewGuid(), "130724/hrss", RoutingModes.Transfer, routedAt, declined, accepted, extension, answered, rating, review)
            : null;
        return new GeneratedPetition(Guid.NewGuid(), "130724102", channel, s_registered, routedAt,
            withCase ? RoutingModes.Transfer : RoutingModes.GuideToLegal, @case, repeatOf, repeatedLater);
    }

    private static IndicatorSet Compute(DateTimeOffset asOf, params GeneratedPetition[] petitions) =>
        IndicatorRules.Compute(petitions.Select(p => p.History()), asOf);

    [Fact]
    public void Timely_acceptance_counts_decisions_by_the_deadline_among_clocks_decided_or_past_their_deadline()
    {
        var asOf = s_acceptanceDue.AddDays(1);
        var result = Compute(asOf,
            Petition(accepted: s_acceptanceDue),                     // accepted at the last second: timely
            Petition(accepted: s_acceptanceDue.AddSeconds(1)),       // one second late
            Petition(declined: s_routed.AddDays(3)),                 // a decline in time is a timely decision
            Petition(),                                              // still undecided past the deadline: late
            Petition(routed: asOf.AddDays(-1)));                     // undecided, deadline still ahead: not judged yet

        Assert.Equal(new Ratio(2, 4), result.TimelyAcceptance);
        Assert.Equal(0.5m, result.TimelyAcceptance.Rate);
    }

    [Fact]
    public void On_time_completion_judges_answers_against_the_extended_deadline_and_counts_open_clocks_once_overdue()
    {
        var extendedDue = StatutoryCalendar.China.DueBy(s_accepted, 90);
        var asOf = extendedDue.AddDays(5);
        var result = Compute(asOf,
            Petition(accepted: s_accepted, extension: 30, answered: extendedDue),          // past 60 days but within the extension
            Petition(accepted: s_accepted, answered: s_handlingDue.AddMinutes(1)),         // late
            Petition(accepted: s_accepted),                                                // open and overdue
            Petition(accepted: asOf.AddDays(-3)),                                          // open, still within its period
            Petition(accepted: s_accepted, answered: s_handlingDue));                      // at the deadline: on time

        Assert.Equal(new Ratio(2, 4), result.OnTimeCompletion);
    }

    [Fact]
    public void Participation_counts_answered_cases_the_petitioner_rated()
    {
        var asOf = s_accepted.AddDays(30);
        var result = Compute(asOf,
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.Dissatisfied),
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.Satisfied),
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10)),
            Petition(accepted: s_accepted));

        Assert.Equal(new Ratio(2, 3), result.EvaluationParticipation);
        Assert.Equal(0.6667m, result.EvaluationParticipation.Rate);
    }

    [Fact]
    public void Satisfaction_counts_satisfied_and_basically_satisfied_among_evaluated_answers()
    {
        var asOf = s_accepted.AddDays(30);
        var result = Compute(asOf,
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.Satisfied),
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.BasicallySatisfied),
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.Dissatisfied),
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(10)));

        Assert.Equal(new Ratio(2, 3), result.Satisfaction);
    }

    [Fact]
    public void The_latest_evaluation_of_a_case_is_the_one_that_counts()
    {
        var petition = Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.Dissatisfied);
        var c = petition.Case!;
        var events = petition.Events().Append(new CaseEvaluated(petition.PetitionId, c.CaseId, c.OrgId, CaseStages.Original,
            Ratings.Satisfied, c.AnsweredAt!.Value.AddDays(5))).ToList();

        var result = IndicatorRules.Compute([petition.History() with { Events = events }], s_accepted.AddDays(30));

        Assert.Equal(new Ratio(1, 1), result.Satisfaction);
        Assert.Equal(new Ratio(1, 1), result.EvaluationParticipation);
    }

    [Fact]
    public void One_time_resolution_needs_a_satisfied_first_answer_no_review_and_no_repeat_either_way()
    {
        var answered = s_accepted.AddDays(10);
        var asOf = s_accepted.AddDays(40);
        var result = Compute(asOf,
            Petition(accepted: s_accepted, answered: answered, rating: Ratings.BasicallySatisfied),
            Petition(accepted: s_accepted, answered: answered, rating: Ratings.Satisfied, review: answered.AddDays(3)),
            Petition(accepted: s_accepted, answered: answered, rating: Ratings.Satisfied, repeatOf: Guid.NewGuid()),
            Petition(accepted: s_accepted, answered: answered, rating: Ratings.Satisfied, repeatedLater: true),
            Petition(accepted: s_accepted, answered: answered, rating: Ratings.Dissatisfied),
            Petition(accepted: s_accepted, answered: answered),
            Petition(accepted: s_accepted));

        Assert.Equal(new Ratio(1, 6), result.OneTimeResolution);
        Assert.Equal(0.1667m, result.OneTimeResolution.Rate);
    }

    [Fact]
    public void A_review_case_seen_without_its_request_still_rules_out_one_time_resolution()
    {
        var petition = Petition(accepted: s_accepted, answered: s_accepted.AddDays(10), rating: Ratings.Satisfied);
        var review = new CaseOpened(petition.PetitionId, Guid.NewGuid(), "130700/hrss", CaseStages.Review, RoutingModes.Transfer,
            s_accepted.AddDays(60), null, false, s_accepted.AddDays(20));

        var result = IndicatorRules.Compute([petition.History() with { Events = [.. petition.Events(), review] }], s_accepted.AddDays(25));

        Assert.Equal(new Ratio(0, 1), result.OneTimeResolution);
    }

    [Fact]
    public void Repeat_share_counts_registrations_marked_as_repeats_of_an_earlier_petition()
    {
        var result = Compute(s_routed,
            Petition(repeatOf: Guid.NewGuid()), Petition(repeatedLater: true), Petition(), Petition());

        Assert.Equal(new Ratio(1, 4), result.RepeatPetitions);
        Assert.Equal(0.25m, result.RepeatPetitions.Rate);
    }

    [Fact]
    public void Online_share_counts_the_online_and_qr_code_channels()
    {
        var result = Compute(s_routed,
            Petition(channel: "online"), Petition(channel: "qr-code"), Petition(channel: "letter"), Petition(channel: "visit"),
            Petition(channel: "hotline"), Petition(channel: "phone"), Petition(channel: "sms"), Petition(channel: "online", withCase: false));

        Assert.Equal(new Ratio(3, 8), result.OnlineShare);
        Assert.Equal(0.375m, result.OnlineShare.Rate);
    }

    [Fact]
    public void Backlog_resolved_counts_petitions_answered_after_a_deadline_they_missed()
    {
        var lateRouting = s_registered.AddDays(30);
        var asOf = s_accepted.AddDays(120);
        var result = Compute(asOf,
            // The intake decision came late; the answer after it resolves the backlog.
            Petition(routed: lateRouting, accepted: lateRouting.AddDays(1), answered: lateRouting.AddDays(10)),
            // Answered after the handling deadline.
            Petition(accepted: s_accepted, answered: s_handlingDue.AddDays(2)),
            // Overdue and still open.
            Petition(accepted: s_accepted),
            // Never overdue: not in the backlog at all.
            Petition(accepted: s_accepted, answered: s_accepted.AddDays(5)),
            // Guided to the court on time: no case, no missed deadline.
            Petition(withCase: false));

        Assert.Equal(new Ratio(2, 3), result.BacklogResolved);
    }

    [Fact]
    public void A_petition_never_routed_is_backlog_once_its_intake_decision_is_overdue()
    {
        var unrouted = new GeneratedPetition(Guid.NewGuid(), "130724", "online", s_registered, null, null, null, null, false);

        Assert.Equal(new Ratio(0, 0), Compute(s_registered.AddDays(5), unrouted).BacklogResolved);
        Assert.Equal(new Ratio(0, 1), Compute(s_registered.AddDays(40), unrouted).BacklogResolved);
    }

    [Fact]
    public void Nothing_to_count_gives_zero_of_zero_and_no_rate()
    {
        var result = IndicatorRules.Compute([], s_registered);

        Assert.Equal(Ratio.Empty, result.TimelyAcceptance);
        Assert.Null(result.OnlineShare.Rate);
        Assert.Null(result.BacklogResolved.Rate);
    }

    [Theory]
    [InlineData(2, 3, "0.6667")]
    [InlineData(1, 3, "0.3333")]
    [InlineData(1, 8, "0.125")]
    [InlineData(1, 20000, "0.0001")]
    [InlineData(1, 40000, "0.0000")]
    [InlineData(3, 3, "1")]
    public void Rates_are_rounded_to_four_decimals(int numerator, int denominator, string rate) =>
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), new Ratio(numerator, denominator).Rate);
}
