using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>
/// Reads the token service's keys on a timer, not only when a request happens to come. The bearer handler refreshes
/// its cached keys lazily, on a request after the refresh interval, and answers that request from the old cache; an
/// endpoint called rarely (the operators' API) could then meet the first token signed with a rotated key while it
/// still knew only the old keys, and refuse it with a 401. A successor is published ten minutes before it signs, so
/// reading every five minutes has every process know it in time, whatever its traffic.
/// </summary>
public sealed partial class TokenKeysRefresh(IOptionsMonitor<JwtBearerOptions> options, TimeProvider time, ILogger<TokenKeysRefresh> logger)
    : BackgroundService
{
    private readonly JwtBearerOptions _bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
    private PeriodicTimer? _timer;

    /// <summary>The interval counts from the start of the host, not from whenever the loop first runs.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(_bearer.AutomaticRefreshInterval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bearer = _bearer;
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                bearer.ConfigurationManager?.RequestRefresh();
                if (bearer.ConfigurationManager is { } keys)
                {
                    await keys.GetConfigurationAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The token service may be restarting; the next tick, or the next request, tries again.
                LogUnreadable(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token service's keys could not be read; trying again later: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
