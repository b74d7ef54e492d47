namespace PetitionPlatform.Routing.Domain;

/// <summary>A kind of unit (人社局, 信访局, …) as a kebab-case id with its Chinese name.</summary>
public sealed class UnitKind
{
    public required string Unit { get; init; }

    public required string Name { get; set; }
}
