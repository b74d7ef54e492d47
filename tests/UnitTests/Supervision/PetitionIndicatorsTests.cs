using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>
/// A petition's part in the indicators, as the ledger keeps it per petition and sums it per day (migration 0007): the
/// sums must give what the hand computation gives, whatever the instant the parts are judged at.
/// </summary>
public sealed class PetitionIndicatorsTests
{
    private static readonly DateTimeOffset s_firstDay = new(2026, 1, 1, 0, 0, 0, StatutoryCalendar.ChinaOffset);

    private static readonly DateTimeOffset s_lastEvent = new(2026, 6, 15, 9, 30, 0, StatutoryCalendar.ChinaOffset);

    public static TheoryData<int, int> SeedsAndDaysAfter => new() { { 1, 0 }, { 7, 3 }, { 42, 20 }, { 2026, 90 }, { 130724, 400 } };

    [Theory]
    [MemberData(nameof(SeedsAndDaysAfter))]
    public void Settled_parts_summed_once_and_open_ones_judged_at_the_instant_give_the_hand_figures(int seed, int daysAfter)
    {
        var petitions = IndicatorsHistories.Generate(new Random(seed), 300, s_firstDay, 150, s_lastEvent, withReviewsAndRepeats: true);
        var asOf = s_lastEvent.AddDays(daysAfter);
        var parts = petitions.Select(p => PetitionIndicators.Of(p.History())).ToList();

        // What the days hold: every part as if no open clock had passed; then each open one judged at the instant.
        var summed = parts.Aggregate(IndicatorSet.Empty, (sum, part) => sum + part.Base);
        var judged = parts.Where(p => !p.IsSettled).Aggregate(summed, (sum, part) => sum + (part.At(asOf) - part.Base));

        Assert.Equal(IndicatorsByHand.Of(petitions, asOf), judged);
        Assert.Contains(parts, p => p.IsSettled);
        Assert.Contains(parts, p => !p.IsSettled && p.At(asOf) != p.Base);
    }

    [Fact]
    public void A_settled_part_is_the_same_at_any_instant()
    {
        var petitions = IndicatorsHistories.Generate(new Random(5), 300, s_firstDay, 150, s_lastEvent, withReviewsAndRepeats: true);
        var settled = petitions.Select(p => PetitionIndicators.Of(p.History())).Where(p => p.IsSettled).ToList();

        Assert.NotEmpty(settled);
        Assert.All(settled, part => Assert.Equal(
            [part.Base, part.Base, part.Base],
            new[] { part.At(part.RegisteredAt), part.At(s_lastEvent), part.At(s_lastEvent.AddYears(5)) }));
    }

    [Fact]
    public void A_part_kept_as_numbers_reads_back_the_same_and_parts_add_and_take_back()
    {
        var petitions = IndicatorsHistories.Generate(new Random(9), 50, s_firstDay, 150, s_lastEvent, withReviewsAndRepeats: true);
        var parts = petitions.Select(p => PetitionIndicators.Of(p.History()).At(s_lastEvent)).ToList();
        var total = parts.Aggregate(IndicatorSet.Empty, (sum, part) => sum + part);

        Assert.All(parts, part => Assert.Equal(part, IndicatorSet.FromNumbers(part.ToNumbers())));
        Assert.Equal(total - parts[0], parts.Skip(1).Aggregate(IndicatorSet.Empty, (sum, part) => sum + part));
        Assert.Equal(petitions.Count, total.Petitions);
        Assert.Throws<ArgumentException>(() => IndicatorSet.FromNumbers(new int[15]));
    }

    [Fact]
    public void A_stale_part_taken_back_leaves_no_child_behind_and_its_current_part_counts_once()
    {
        var town = new GeneratedPetition(Guid.NewGuid(), "130724102", "online", s_firstDay, null, null, null, null, false);
        var stale = PetitionIndicators.Of(town.History()).At(s_lastEvent);
        var current = PetitionIndicators.Of(town.History() with { Channel = "letter" }).At(s_lastEvent);
        var gone = new RegionCounts("130723", IndicatorSet.Empty - PetitionIndicators.Of(town.History() with { RegionCode = "130723" }).Base);
        var back = new RegionCounts("130723", PetitionIndicators.Of(town.History() with { RegionCode = "130723" }).Base);

        var breakdown = RegionRollup.Compute("130700",
            [new RegionCounts("130724102", stale), new RegionCounts("130724102", IndicatorSet.Empty - stale), new RegionCounts("130724102", current), back, gone],
            IndicatorsHistories.Chains);

        Assert.Equal(new Ratio(0, 1), breakdown.Total.OnlineShare);
        Assert.Equal(["130724"], breakdown.Children.Select(c => c.RegionCode));
    }

    [Theory]
    // Dates as the endpoint reads them: a whole month.
    [InlineData("2026-01-01T00:00:00+08:00", "2026-02-01T00:00:00+08:00", "2026-01-01/2026-02-01", "", "")]
    // Months between days at either end, and the stretches of the first and last day.
    [InlineData("2026-01-20T13:30:00+08:00", "2026-04-03T09:15:00+08:00", "2026-02-01/2026-04-01", "2026-01-21/2026-02-01 2026-04-01/2026-04-03",
        "2026-01-20T13:30:00+08:00/2026-01-21T00:00:00+08:00 2026-04-03T00:00:00+08:00/2026-04-03T09:15:00+08:00")]
    // Whole days within one month; UTC instants are cut at midnight in China, not in UTC.
    [InlineData("2026-01-01T00:00:00Z", "2026-01-03T16:00:00Z", "", "2026-01-02/2026-01-04", "2026-01-01T08:00:00+08:00/2026-01-02T00:00:00+08:00")]
    // Days across a month's end without a whole month.
    [InlineData("2026-01-30T00:00:00+08:00", "2026-02-03T00:00:00+08:00", "", "2026-01-30/2026-02-03", "")]
    // Within one day: no whole day; from a midnight to the next morning: one.
    [InlineData("2026-01-01T08:00:00+08:00", "2026-01-01T20:00:00+08:00", "", "", "2026-01-01T08:00:00+08:00/2026-01-01T20:00:00+08:00")]
    [InlineData("2026-01-01T00:00:00+08:00", "2026-01-02T06:00:00+08:00", "", "2026-01-01/2026-01-02", "2026-01-02T00:00:00+08:00/2026-01-02T06:00:00+08:00")]
    // Years: whole months from the second month on, days of the first, the last month's days up to the end.
    [InlineData("2021-12-03T00:00:00+08:00", "2026-12-04T00:00:00+08:00", "2022-01-01/2026-12-01", "2021-12-03/2022-01-01 2026-12-01/2026-12-04", "")]
    public void A_period_is_cut_into_whole_months_whole_days_and_the_stretches_at_its_ends(string from, string until, string months, string days, string edges)
    {
        var period = PeriodDays.Of(Instant(from), Instant(until));

        Assert.Equal(Dates(months).Cast<(DateOnly, DateOnly)?>().SingleOrDefault(), period.WholeMonths);
        Assert.Equal(Dates(days), period.WholeDays);
        Assert.Equal(Pairs(edges).Select(e => (Instant(e[0]), Instant(e[1]))), period.Edges);
    }

    private static IEnumerable<string[]> Pairs(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('/'));

    private static List<(DateOnly, DateOnly)> Dates(string text) =>
        [.. Pairs(text).Select(e => (DateOnly.Parse(e[0], System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture)))];

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
