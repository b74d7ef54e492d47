using PetitionPlatform.Intake.Domain;

namespace PetitionPlatform.UnitTests.Intake;

public sealed class PetitionNumbersTests
{
    [Fact]
    public void The_day_is_the_day_in_China_even_when_it_is_still_yesterday_in_UTC()
    {
        // 23:30 UTC on 22 November is 07:30 on 23 November in Beijing.
        var registeredAt = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 11, 23), PetitionNumbers.DayOf(registeredAt));
    }

    [Fact]
    public void Numbers_carry_the_county_the_day_and_the_sequence() =>
        Assert.Equal("130724-20261123-00017", PetitionNumbers.Format("130724102", new DateOnly(2026, 11, 23), 17));
}
