namespace PetitionPlatform.EndToEndTests.Faults;

/// <summary>
/// A stack of its own for tests that kill parts of it, run alone after the other collections (their stack is gone by
/// then): killing a service must not disturb tests that merely use one.
/// </summary>
[CollectionDefinition("faults", DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<PlatformFixture>;
