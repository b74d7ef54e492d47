using System.Text.RegularExpressions;
using PetitionPlatform.Intake.Domain;

namespace PetitionPlatform.UnitTests.Intake;

public sealed class TrackingCodeTests
{
    [Fact]
    public void Codes_are_four_groups_of_four_without_look_alike_letters()
    {
        var code = TrackingCode.New();
        Assert.Matches(new Regex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$"), code);
    }

    [Fact]
    public void Codes_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New()).ToHashSet();
        Assert.Equal(10_000, codes.Count);
    }

    [Fact]
    public void The_hash_ignores_case_and_separators_as_people_type_them()
    {
        Assert.Equal(TrackingCode.Hash("AB12-CD34-EF56-GH78"), TrackingCode.Hash("ab12cd34ef56gh78"));
        Assert.NotEqual(TrackingCode.Hash("AB12-CD34-EF56-GH78"), TrackingCode.Hash("AB12-CD34-EF56-GH79"));
    }
}
