namespace PetitionPlatform.Contracts;

/// <summary>The petitioner's evaluation of an answer (满意 / 基本满意 / 不满意).</summary>
public static class Ratings
{
    public const string Satisfied = "satisfied";
    public const string BasicallySatisfied = "basically-satisfied";
    public const string Dissatisfied = "dissatisfied";

    public static readonly IReadOnlyList<string> All = [Satisfied, BasicallySatisfied, Dissatisfied];
}
