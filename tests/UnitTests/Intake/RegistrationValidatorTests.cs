using PetitionPlatform.Intake.Api;

namespace PetitionPlatform.UnitTests.Intake;

public sealed class RegistrationValidatorTests
{
    private static readonly RegisterPetitionRequest s_valid = new(
        Channel: "online",
        Kind: "complaint",
        Topic: "wage-arrears",
        Subject: "Wages unpaid for eight months",
        Content: "Thirty-five farmers have not been paid 280,000 yuan by an agricultural company.",
        RegionCode: "130724102",
        ReceivedBy: "130000/petition-bureau",
        Petitioner: new PetitionerRequest("张三", "11010519491231002X", "138 0013 8000", "沽源县"),
        Headcount: 35,
        Representatives: ["张三", "李四"]);

    [Fact]
    public void A_complete_collective_petition_is_valid() => Assert.Empty(RegistrationValidator.Validate(s_valid));

    [Fact]
    public void Every_problem_is_reported_at_once_under_its_field_path()
    {
        var errors = RegistrationValidator.Validate(s_valid with
        {
            Channel = "fax",
            Kind = null,
            Content = " ",
            RegionCode = "1307",
            Petitioner = s_valid.Petitioner! with { IdNumber = "110105194912310021", Phone = "call me" },
        });

        Assert.Equal(
            ["channel", "content", "kind", "petitioner.idNumber", "petitioner.phone", "regionCode"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(20_000, true)]
    [InlineData(20_001, false)]
    public void Content_is_limited_to_twenty_thousand_characters(int length, bool valid)
    {
        var errors = RegistrationValidator.Validate(s_valid with { Content = new string('诉', length) });
        Assert.Equal(valid, !errors.ContainsKey("content"));
    }

    [Theory]
    [InlineData(4, 0, true)] // fewer than five people: no representatives needed
    [InlineData(5, 0, false)] // collective: representatives required
    [InlineData(5, 5, true)]
    [InlineData(300, 6, false)] // at most five
    [InlineData(2, 3, false)] // more representatives than people
    public void Collective_petitions_name_one_to_five_representatives(int headcount, int representatives, bool valid)
    {
        var names = Enumerable.Range(1, representatives).Select(i => (string?)$"代表{i}").ToList();
        var errors = RegistrationValidator.Validate(s_valid with { Headcount = headcount, Representatives = names });
        Assert.Equal(valid, !errors.ContainsKey("representatives"));
    }

    [Fact]
    public void A_blank_representative_is_named_by_its_index()
    {
        var errors = RegistrationValidator.Validate(s_valid with { Representatives = ["张三", " "] });
        Assert.Contains("representatives[1]", errors.Keys);
    }

    [Fact]
    public void Reports_may_be_anonymous_but_complaints_may_not()
    {
        Assert.Empty(RegistrationValidator.Validate(s_valid with { Kind = "report", Petitioner = null, Headcount = 1, Representatives = null }));
        Assert.Contains("petitioner", RegistrationValidator.Validate(s_valid with { Petitioner = null }).Keys);
    }

    [Theory]
    [InlineData("130724", true)]
    [InlineData("500116010", true)]
    [InlineData("130724100201", true)]
    [InlineData("13072", false)]
    [InlineData("1307241", false)]
    [InlineData("13O724", false)]
    public void Region_codes_have_six_nine_or_twelve_digits(string code, bool valid) =>
        Assert.Equal(valid, !RegistrationValidator.Validate(s_valid with { RegionCode = code }).ContainsKey("regionCode"));

    [Theory]
    [InlineData("130724/hrss", true)]
    [InlineData("130724102/township-gov", true)]
    [InlineData("hrss", false)]
    [InlineData("130724/HRSS", false)]
    public void Receiving_units_are_organisation_ids(string orgId, bool valid) =>
        Assert.Equal(valid, !RegistrationValidator.Validate(s_valid with { ReceivedBy = orgId }).ContainsKey("receivedBy"));
}
