namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// One line of the classification list (分类处理清单): which kind of unit handles a topic at the place where the matter
/// arose. Every routing decision names the entry it followed.
/// </summary>
public sealed class ClassificationEntry
{
    public required string Topic { get; init; }

    public required string Name { get; set; }

    /// <summary>complaint, report or suggestion.</summary>
    public required string Kind { get; set; }

    public required string Unit { get; set; }

    /// <summary>Where the matter goes when <see cref="Unit"/> cannot take it (neighbour disputes: justice).</summary>
    public string? FallbackUnit { get; set; }

    /// <summary>Suggestions go to the department the sub-topic names; <see cref="Unit"/> is then only the default.</summary>
    public bool UnitFromSubtopic { get; set; }

    public string? Note { get; set; }
}
