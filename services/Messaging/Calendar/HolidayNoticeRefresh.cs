using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PetitionPlatform.Messaging.Calendar;

/// <summary>
/// Adopts the notices the service keeps: once before the service takes its first request or message (a restarted
/// process must not count on the shipped data alone), then every <see cref="HolidayNoticeOptions.RefreshInterval"/>,
/// because a notice reaches one instance of a service through its queue and the others only through the database.
/// </summary>
public sealed partial class HolidayNoticeRefresh(
    IServiceScopeFactory scopes, IOptions<HolidayNoticeOptions> options, TimeProvider time, ILogger<HolidayNoticeRefresh> logger)
    : RepeatingWorker(time, logger)
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await AdoptAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override bool WaitsBeforeFirstRound => true;

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await AdoptAsync(stoppingToken);
        return false;
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(options.Value.RefreshInterval, Time, stoppingToken);

    private async Task AdoptAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var adopted = await scope.ServiceProvider.GetRequiredService<HolidayNoticeBook>().AdoptKeptAsync(ct);
        if (adopted > 0)
        {
            LogAdopted(Logger, adopted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counting on {Count} holiday notice(s) loaded at run time")]
    private static partial void LogAdopted(ILogger logger, int count);
}

public sealed class HolidayNoticeOptions
{
    public const string Section = "Calendar";

    /// <summary>How soon an instance counts on a notice another instance of the service received.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
