namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// A registered petition as the indicators read it: its registration facts and every lifecycle event the ledger holds.
/// </summary>
/// <param name="RegionCode">Where the matter arose (PetitionRegistered.RegionCode): the region it counts for.</param>
/// <param name="RepeatOf">The earlier petition this registration repeats, when intake marked it as a repeat.</param>
/// <param name="RepeatedLater">Whether a later registration names this petition as the one it repeats.</param>
public sealed record PetitionHistory(
    Guid PetitionId,
    string RegionCode,
    string Channel,
    DateTimeOffset RegisteredAt,
    Guid? RepeatOf,
    bool RepeatedLater,
    IReadOnlyList<PetitionPlatform.Contracts.IPetitionEvent> Events);
