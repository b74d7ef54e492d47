using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Periods;

public sealed class AcceptedDatesTests
{
    [Theory]
    [InlineData("1901-01-01", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2099-12-31", true)]
    [InlineData("1900-12-31", false)]
    [InlineData("2100-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Days_the_calendar_can_count_from_are_accepted(string day, bool accepted) =>
        Assert.Equal(accepted, AcceptedDates.Holds(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_year_of_periods_added_to_the_last_accepted_day_is_still_counted()
    {
        var last = new DateTimeOffset(AcceptedDates.Latest.ToDateTime(TimeOnly.MaxValue), StatutoryCalendar.ChinaOffset);

        Assert.True(StatutoryCalendar.China.DueBy(last, 365) > last);
    }
}
