namespace PetitionPlatform.Contracts;

/// <summary>The stage a case belongs to: the original handling, the review (复查), the re-review (复核).</summary>
public static class CaseStages
{
    public const string Original = "original";
    public const string Review = "review";
    public const string ReReview = "re-review";
}
