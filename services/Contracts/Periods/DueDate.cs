namespace PetitionPlatform.Contracts.Periods;

/// <summary>The end of a statutory period, and whether it was counted on a year whose holiday notice is not loaded.</summary>
public sealed record DueDate(DateTimeOffset DueBy, bool Provisional);
