using PetitionPlatform.Contracts;

namespace PetitionPlatform.UnitTests.Vocabulary;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("130000", true)]
    [InlineData("130724102", true)]
    [InlineData("130724102001", true)]
    [InlineData("1307", false)]
    [InlineData("1307241", false)]
    [InlineData("13072410200", false)]
    [InlineData("13072a", false)]
    [InlineData("１３０７２４", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Codes_are_six_nine_or_twelve_ascii_digits(string? code, bool wellFormed)
    {
        Assert.Equal(wellFormed, RegionCode.IsWellFormed(code));
        Assert.Equal(wellFormed, RegionCode.TryParse(code, out _));
    }

    [Theory]
    [InlineData("130724102", "130724", "130000")]
    [InlineData("130724102001", "130724", "130000")]
    [InlineData("500112", "500112", "500000")]
    [InlineData("130000", "130000", "130000")]
    public void A_region_knows_its_county_and_province(string code, string county, string province)
    {
        var region = RegionCode.Parse(code);
        Assert.Equal((county, province), (region.County.Value, region.Province.Value));
    }

    [Theory]
    [InlineData("130724102001", "130724102")]
    [InlineData("130724102", "130724")]
    [InlineData("130724", "130700")]
    [InlineData("130700", "130000")]
    [InlineData("130000", null)]
    [InlineData("500112", "500100")]
    public void Parents_read_from_the_code_follow_gb_t_2260(string code, string? parent) =>
        Assert.Equal(parent, RegionCode.Parse(code).ParentByCode?.Value);

    [Theory]
    [InlineData("130724", "130000", true)]
    [InlineData("130724", "130700", true)]
    [InlineData("130724102", "130724", true)]
    [InlineData("130724", "130724", true)]
    [InlineData("130724", "130724102", false)]
    [InlineData("130700", "130724", false)]
    [InlineData("500116", "500000", true)]
    [InlineData("330523", "330200", false)]
    [InlineData("131000", "130000", true)]
    [InlineData("130000", "131000", false)]
    public void A_region_is_within_itself_and_every_region_above_it(string code, string region, bool within) =>
        Assert.Equal(within, RegionCode.Parse(code).IsWithin(RegionCode.Parse(region)));

    [Fact]
    public void Parsing_a_malformed_code_says_what_a_code_is() =>
        Assert.Contains("6, 9 or 12 digits", Assert.Throws<FormatException>(() => RegionCode.Parse("1307")).Message, StringComparison.Ordinal);
}
