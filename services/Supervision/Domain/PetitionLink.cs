namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// A submission linked to an earlier petition of the same petitioner on the same matter: a <c>duplicate</c> while the
/// original was open (no case of its own), or a <c>repeat</c> petition (重复信访) after it was answered, counted as one.
/// </summary>
public sealed class PetitionLink
{
    public const string Duplicate = "duplicate";
    public const string Repeat = "repeat";

    public Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public Guid OriginalPetitionId { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset LinkedAt { get; init; }
}
