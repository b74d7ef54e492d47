using Microsoft.Extensions.Options;
using PetitionPlatform.Supervision.Telemetry;

namespace PetitionPlatform.Supervision.Deadlines;

/// <summary>
/// Runs the deadline evaluation every <see cref="SupervisionOptions.EvaluationInterval"/>, as of the present moment.
/// Several instances may run side by side: the notices' unique keys keep each notice single.
/// </summary>
public sealed partial class DeadlineEvaluationService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<SupervisionOptions> options, ILogger<DeadlineEvaluationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            using var run = SupervisionTelemetry.StartEvaluation(time.GetUtcNow());
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineEvaluator>().EvaluateAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // One failed run (database restarting, say) must not end the watch; the next tick tries again.
                run?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
                LogRunFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline evaluation failed; it runs again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
