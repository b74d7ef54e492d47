using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Api;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>The roll-up along the region chain, the parents read from codes, the period's bounds, and generated histories.</summary>
public sealed class IndicatorRollupTests
{
    private static readonly DateTimeOffset s_firstDay = new(2026, 1, 1, 0, 0, 0, StatutoryCalendar.ChinaOffset);

    private static readonly DateTimeOffset s_asOf = new(2026, 8, 15, 9, 30, 0, StatutoryCalendar.ChinaOffset);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    [InlineData(130724)]
    public void Generated_histories_give_the_figures_worked_out_by_hand_for_each_region_and_child(int seed)
    {
        var petitions = IndicatorsHistories.Generate(new Random(seed), 300, s_firstDay, 150, s_asOf, withReviewsAndRepeats: true);

        foreach (var region in new[] { "130000", "130700", "130724", "500000" })
        {
            var breakdown = RegionRollup.Compute(region, petitions.Select(p => p.History()), IndicatorsHistories.Chains, s_asOf);

            var members = petitions.Where(p => IndicatorsHistories.IsUnder(region, p.RegionCode)).ToList();
            Assert.Equal(IndicatorsByHand.Of(members, s_asOf), breakdown.Total);
            var children = members.Where(p => IndicatorsHistories.ChildOf(region, p.RegionCode) is not null)
                .GroupBy(p => IndicatorsHistories.ChildOf(region, p.RegionCode)!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ChildIndicators(g.Key, IndicatorsByHand.Of(g.ToList(), s_asOf)))
                .ToList();
            Assert.Equal(children, breakdown.Children);
        }
    }

    [Fact]
    public void The_generated_histories_exercise_every_indicator()
    {
        var petitions = IndicatorsHistories.Generate(new Random(1), 300, s_firstDay, 150, s_asOf, withReviewsAndRepeats: true);
        var all = IndicatorsByHand.Of(petitions, s_asOf);

        // A comparison of zeros would prove nothing: every indicator has both counted and uncounted members.
        Assert.All(new[] { all.TimelyAcceptance, all.OnTimeCompletion, all.EvaluationParticipation, all.Satisfaction,
            all.OneTimeResolution, all.RepeatPetitions, all.OnlineShare, all.BacklogResolved },
            ratio => Assert.InRange(ratio.Numerator, 1, ratio.Denominator - 1));
    }

    [Fact]
    public void A_city_matter_counts_for_the_city_but_for_none_of_its_children_and_other_provinces_not_at_all()
    {
        var city = new GeneratedPetition(Guid.NewGuid(), "130700", "online", s_firstDay, null, null, null, null, false);
        var town = city with { PetitionId = Guid.NewGuid(), RegionCode = "130724102", Channel = "letter" };
        var chongqing = city with { PetitionId = Guid.NewGuid(), RegionCode = "500112" };

        var breakdown = RegionRollup.Compute("130700", [city.History(), town.History(), chongqing.History()], IndicatorsHistories.Chains, s_asOf);

        Assert.Equal(new Ratio(1, 2), breakdown.Total.OnlineShare);
        var child = Assert.Single(breakdown.Children);
        Assert.Equal(("130724", new Ratio(0, 1)), (child.RegionCode, child.Indicators.OnlineShare));
    }

    [Theory]
    [InlineData("2026-01-01", false, "2026-01-01T00:00:00+08:00")]
    [InlineData("2026-01-31", true, "2026-02-01T00:00:00+08:00")]
    [InlineData("2026-01-31T12:00:00+08:00", false, "2026-01-31T12:00:00+08:00")]
    [InlineData("2026-01-31T04:00:00Z", true, "2026-01-31T04:00:00.000001+00:00")]
    [InlineData("2026-01-31T12:00:00 08:00", false, "2026-01-31T12:00:00+08:00")]
    public void Period_bounds_take_whole_china_days_for_dates_and_instants_inclusively(string text, bool isEnd, string expected)
    {
        Assert.True(IndicatorsPeriod.TryParseBound(text, isEnd, out var bound));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-01-31T12:00:00")]
    [InlineData("31/01/2026")]
    [InlineData("2026-02-30")]
    public void Period_bounds_without_a_date_or_an_offset_are_refused(string? text) =>
        Assert.False(IndicatorsPeriod.TryParseBound(text, isEnd: false, out _));

    [Theory]
    // Found by the fuzz (issue 13): the day after 9999-12-31, or 0001-01-01 at China's offset, threw and answered 500.
    [InlineData("9999-12-31", true)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31T23:59:59.9999999+00:00", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2100-01-01", true)]
    public void Period_bounds_outside_the_accepted_dates_are_refused_not_thrown(string text, bool isEnd) =>
        Assert.False(IndicatorsPeriod.TryParseBound(text, isEnd, out _));
}
