using PetitionPlatform.TestSupport;

namespace PetitionPlatform.InfrastructureTests.Support;

/// <summary>A scratch directory for one test's servers, deleted when the test is done.</summary>
internal sealed class TestDirectory : IDisposable
{
    public string Path { get; } = TestDirectories.Create("infratest");

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => TestDirectories.Delete(Path);
}
