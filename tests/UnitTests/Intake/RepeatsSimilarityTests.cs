using PetitionPlatform.Intake.Repeats;

namespace PetitionPlatform.UnitTests.Intake;

public sealed class RepeatsSimilarityTests
{
    [Fact]
    public void The_same_text_is_fully_similar_whatever_its_punctuation_spacing_and_width()
    {
        Assert.Equal(1.0, SubmissionSimilarity.Of("拖欠工资，28万元！", "拖欠工资 ２８万元"));
        Assert.Equal(1.0, SubmissionSimilarity.Of("Wage ARREARS", "wage-arrears"));
    }

    [Fact]
    public void Similarity_is_the_share_of_character_pairs_the_two_texts_have_in_common()
    {
        // {ab, bc, cd, de} and {ab, bc, cd, dx}: three shared of five distinct pairs.
        Assert.Equal(0.6, SubmissionSimilarity.Of("abcde", "abcdx"), 12);
        Assert.Equal(SubmissionSimilarity.Of("abcde", "abcdx"), SubmissionSimilarity.Of("abcdx", "abcde"));
    }

    [Fact]
    public void Texts_without_a_shared_pair_are_not_similar_and_empty_text_is_similar_to_nothing()
    {
        Assert.Equal(0.0, SubmissionSimilarity.Of("拖欠工资", "噪声扰民"));
        Assert.Equal(0.0, SubmissionSimilarity.Of("", ""));
        Assert.Equal(0.0, SubmissionSimilarity.Of("，。！", "拖欠工资"));
    }

    [Fact]
    public void A_retelling_of_the_same_facts_passes_the_default_threshold_and_another_matter_of_the_topic_does_not()
    {
        const string first = "沽源县某农业公司拖欠35名农民工工资共计28万元，多次讨要未果，请求督促支付。";
        const string retold = "沽源县某农业公司至今拖欠我们35名农民工工资28万元，多次讨要未果，请求尽快督促支付。";
        const string other = "县城某建筑工地包工头拖欠装修工人三个月工资，电话联系不上，请求劳动监察介入。";
        var threshold = new RepeatOptions().SimilarityThreshold;

        Assert.True(SubmissionSimilarity.Of(first, retold) >= threshold);
        Assert.True(SubmissionSimilarity.Of(first, other) < threshold);
    }

    [Fact]
    public void A_single_character_text_is_compared_as_that_character()
    {
        Assert.Equal(1.0, SubmissionSimilarity.Of("桥", "桥！"));
        Assert.Equal(0.0, SubmissionSimilarity.Of("桥", "路"));
    }
}
