using Microsoft.Extensions.Options;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Telemetry;

namespace PetitionPlatform.Supervision.Deadlines;

/// <summary>
/// Runs the deadline evaluation every <see cref="SupervisionOptions.EvaluationInterval"/>, as of the present moment.
/// Several instances may run side by side: the notices' unique keys keep each notice single.
/// </summary>
public sealed class DeadlineEvaluationService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<SupervisionOptions> options, ILogger<DeadlineEvaluationService> logger)
    : RepeatingWorker(time, logger)
{
    /// <summary>The first run comes one interval after start, as every later one does.</summary>
    protected override bool WaitsBeforeFirstRound => true;

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var now = Time.GetUtcNow();
        using var run = SupervisionTelemetry.StartEvaluation(now);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (judged, issued) = await scope.ServiceProvider.GetRequiredService<DeadlineEvaluator>().RunAsync(now, stoppingToken);
            SupervisionTelemetry.Evaluated(run, judged, issued.Count);
            return false;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // One failed run (database restarting, say) must not end the watch; the worker tries again after a back-off.
            run?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(options.Value.EvaluationInterval, Time, stoppingToken);
}
