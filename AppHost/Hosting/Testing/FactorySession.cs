namespace PetitionPlatform.Hosting.Testing;

/// <summary>
/// The link between a <see cref="DistributedApplicationFactory"/> and the AppHost entry point it runs: ambient on the
/// AppHost's thread only, so <see cref="DistributedApplication.Run"/> knows to hand over the started application rather
/// than wait for Ctrl+C, and several factories can run side by side.
/// </summary>
internal sealed class FactorySession(string appHostDirectory) : IDisposable
{
    private static readonly AsyncLocal<FactorySession?> Ambient = new();

    private readonly TaskCompletionSource<DistributedApplication> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cancellation = new();

    public static FactorySession? Current => Ambient.Value;

    public string AppHostDirectory { get; } = appHostDirectory;

    public CancellationToken Cancellation => _cancellation.Token;

    public Task<DistributedApplication> Application => _started.Task;

    public Task Released => _released.Task;

    public void Enter() => Ambient.Value = this;

    public void Started(DistributedApplication application) => _started.TrySetResult(application);

    public void Fail(Exception failure) => _started.TrySetException(failure);

    public void Cancel() => _cancellation.Cancel();

    public void Release() => _released.TrySetResult();

    public void Dispose() => _cancellation.Dispose();
}
