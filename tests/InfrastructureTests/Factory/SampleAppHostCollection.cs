namespace PetitionPlatform.InfrastructureTests.Factory;

/// <summary>
/// Tests that run the sample AppHost, one at a time: each asserts that no sample service process is left once its host
/// stopped, which another test's host running beside it would contradict.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleAppHostCollection
{
    public const string Name = "sample apphost";
}
