namespace PetitionPlatform.Intake.Repeats;

/// <summary>Configuration section <c>Repeats</c>: how alike a new submission must read to be the same matter.</summary>
public sealed class RepeatOptions
{
    public const string Section = "Repeats";

    /// <summary>
    /// Minimum <see cref="SubmissionSimilarity"/> of subject and content (0 to 1]. 0.5 means at least half of all
    /// character pairs of the two texts are shared: a retelling of the same facts passes, another matter of the same
    /// topic from the same person does not. Raise it if unrelated matters get linked; lower it if retellings are missed.
    /// </summary>
    public double SimilarityThreshold { get; set; } = 0.5;

    /// <summary>How many of the petitioner's earlier petitions on the topic and county are compared, newest first.</summary>
    public int MaxCandidates { get; set; } = 50;
}
