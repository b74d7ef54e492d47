using PetitionPlatform.Handling.Api;

namespace PetitionPlatform.UnitTests.Handling;

public sealed class HearingDatesTests
{
    [Theory]
    // A hearing from year 1 to 9999 would add millions of days to the review period, past the end of .NET's dates.
    [InlineData("0001-01-01", "2026-01-06", "startedOn")]
    [InlineData("2026-01-05", "9999-12-31", "endedOn")]
    public void Hearing_days_outside_the_accepted_dates_are_named(string startedOn, string endedOn, string field)
    {
        var errors = CaseRequestValidator.Validate(new HearingRequest("130724/hrss", startedOn, endedOn), out _, out _);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_hearing_inside_the_accepted_dates_is_valid() =>
        Assert.Empty(CaseRequestValidator.Validate(new HearingRequest("130724/hrss", "2026-01-05", "2026-01-06"), out _, out _));
}
