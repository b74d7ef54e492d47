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
    : RefreshWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.RefreshInterval;

    protected override async Task RefreshAsync(CancellationToken ct)
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
