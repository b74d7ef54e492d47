using PetitionPlatform.Contracts;

namespace PetitionPlatform.UnitTests.Vocabulary;

public sealed class PetitionVocabularyTests
{
    [Fact]
    public void Only_reports_are_confidential()
    {
        Assert.Equal(["report"], PetitionKinds.All.Where(PetitionKinds.IsConfidential));
        Assert.False(PetitionKinds.IsConfidential(null));
    }

    [Theory]
    [InlineData("complaint", true)]
    [InlineData("report", true)]
    [InlineData("suggestion", true)]
    [InlineData("Report", false)]
    [InlineData(null, false)]
    public void Kinds_are_the_three_of_the_api(string? kind, bool known) => Assert.Equal(known, PetitionKinds.IsKnown(kind));

    [Fact]
    public void Channels_are_the_seven_of_the_api_and_two_count_as_online()
    {
        Assert.Equal(["online", "letter", "visit", "phone", "sms", "hotline", "qr-code"], PetitionChannels.All);
        Assert.Equal(["online", "qr-code"], PetitionChannels.All.Where(PetitionChannels.IsOnline));
        Assert.False(PetitionChannels.IsKnown("fax"));
    }
}
