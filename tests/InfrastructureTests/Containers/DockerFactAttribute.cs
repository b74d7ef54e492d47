using PetitionPlatform.Hosting.Containers;

namespace PetitionPlatform.InfrastructureTests.Containers;

/// <summary>
/// A test that needs a Docker engine: reported as skipped, with the reason, where none answers (xunit 2 has no skipping
/// at run time, so the check runs when tests are discovered).
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> EngineAnswers = new(() => DockerEngine.AnswersAsync(TimeSpan.FromSeconds(2), CancellationToken.None).GetAwaiter().GetResult());

    public DockerFactAttribute()
    {
        if (!EngineAnswers.Value)
        {
            Skip = $"No Docker engine answers at {DockerEngine.Endpoint}; the container provider's tests need one (see docs/containers.md).";
        }
    }
}
