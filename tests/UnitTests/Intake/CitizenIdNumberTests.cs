using PetitionPlatform.Intake.Domain;

namespace PetitionPlatform.UnitTests.Intake;

public sealed class CitizenIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example, check character X
    [InlineData("11010519491231002x")] // typed in lower case
    [InlineData(" 11010519491231002X ")]
    [InlineData("13072419880101773X")]
    [InlineData("330523199003071234")]
    public void Accepts_numbers_whose_check_character_matches(string id) => Assert.True(CitizenIdNumber.IsValid(id));

    [Theory]
    [InlineData("110105194912310021")] // one wrong check digit
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("11010519491231002XX")]
    [InlineData("11010519491231A02X")]
    [InlineData("")]
    public void Rejects_malformed_numbers(string id) => Assert.False(CitizenIdNumber.IsValid(id));
}
