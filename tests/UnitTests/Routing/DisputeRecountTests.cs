using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Routing;

/// <summary>A dispute still waiting for its common superior, counted again when a holiday notice is loaded.</summary>
public sealed class DisputeRecountTests
{
    private const int Period = 7;

    private static readonly DateTimeOffset s_start = new(2097, 3, 4, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    // Counted on a calendar of the test's own, so no other test's year changes.
    private static readonly StatutoryCalendar s_notice = new(HolidayCalendar.China.With(
        new HolidayNotice(2097, [new(new(2097, 1, 1), new(2097, 1, 1)), new(new(2097, 3, 11), new(2097, 3, 11))], [], "2097-test")));

    private static DateTimeOffset EndOf(int month, int day) => new(2097, month, day, 23, 59, 59, StatutoryCalendar.ChinaOffset);

    private static RoutingRequest Waiting(DateTimeOffset? since) => new()
    {
        Kind = "complaint",
        Topic = "medical",
        RegionCode = "330523",
        ReceivedBy = "330523/petition-bureau",
        AwaitingDecisionBy = "330500/petition-bureau",
        AwaitingSince = since,
        // Monday 4 March + 7 = Monday 11 March on the national rules.
        DecideBy = new StatutoryCalendar(HolidayCalendar.China).DueBy(s_start, Period),
    };

    [Fact]
    public void A_waiting_dispute_whose_last_day_becomes_a_holiday_moves_to_the_next_working_day_once()
    {
        var request = Waiting(s_start);
        Assert.Equal(EndOf(3, 11), request.DecideBy);

        Assert.Equal(EndOf(3, 12), request.RecountDecideBy(s_notice, Period, s_start.AddDays(1)));
        Assert.Equal(EndOf(3, 12), request.DecideBy);
        Assert.Null(request.RecountDecideBy(s_notice, Period, s_start.AddDays(1)));
    }

    [Fact]
    public void A_dispute_that_ran_out_settled_or_began_before_its_start_was_kept_stays()
    {
        var ranOut = Waiting(s_start);
        var settled = Waiting(s_start);
        settled.AwaitingDecisionBy = null;
        var unknownStart = Waiting(null);

        Assert.Null(ranOut.RecountDecideBy(s_notice, Period, EndOf(3, 11).AddSeconds(1)));
        Assert.Null(settled.RecountDecideBy(s_notice, Period, s_start));
        Assert.Null(unknownStart.RecountDecideBy(s_notice, Period, s_start));
        Assert.Equal([EndOf(3, 11), EndOf(3, 11), EndOf(3, 11)], new[] { ranOut.DecideBy, settled.DecideBy, unknownStart.DecideBy });
    }
}
