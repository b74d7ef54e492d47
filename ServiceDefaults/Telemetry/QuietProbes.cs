using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry;

namespace PetitionPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Health probes and scrapes arrive every few seconds from the AppHost and the gateway. Their server spans are filtered
/// out; this also silences what they cause (the database check's query, the gateway's probes of each service), which
/// would otherwise each start a trace of their own and bury the traces of real work.
/// </summary>
public static class QuietProbes
{
    private static readonly PathString[] s_paths = ["/health", "/alive", "/metrics"];

    public static bool IsProbeOrScrape(PathString path) => s_paths.Any(path.StartsWithSegments);

    public static WebApplication UseQuietProbes(this WebApplication app)
    {
        app.UseWhen(context => IsProbeOrScrape(context.Request.Path), quiet => quiet.Use(async (context, next) =>
        {
            using var suppressed = SuppressInstrumentationScope.Begin();
            await next(context);
        }));
        return app;
    }
}
