namespace PetitionPlatform.Contracts;

/// <summary>The outcome of a written answer (Regulation art. 33).</summary>
public static class Outcomes
{
    public const string Support = "support";
    public const string Explain = "explain";
    public const string NotSupport = "not-support";

    public static readonly IReadOnlyList<string> All = [Support, Explain, NotSupport];
}
