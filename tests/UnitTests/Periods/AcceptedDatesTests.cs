using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Periods;

public sealed class AcceptedDatesTests
{
    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2999-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("3000-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Days_from_1900_to_2999_are_accepted(string day, bool accepted) =>
        Assert.Equal(accepted, AcceptedDates.Holds(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_accepted_day_survives_every_period_the_calendar_adds()
    {
        // The longest a request can make a period: a hearing spanning the whole accepted range, added to its last day.
        var span = AcceptedDates.Latest.DayNumber - AcceptedDates.Earliest.DayNumber + 1;
        var last = new DateTimeOffset(AcceptedDates.Latest.ToDateTime(TimeOnly.MaxValue), StatutoryCalendar.ChinaOffset);

        Assert.True(StatutoryCalendar.China.DueBy(last, span) > last);
    }
}
