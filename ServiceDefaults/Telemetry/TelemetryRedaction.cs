using Microsoft.AspNetCore.Http;

namespace PetitionPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Paths that carry personal data in a segment: the progress view is addressed by the petitioner's query code
/// (<c>/api/track/{code}</c>), which must never reach a span, a metric or a log. HTTP spans record the path with the
/// segment replaced by its route parameter's name.
/// </summary>
public static class TelemetryRedaction
{
    private const string TrackPrefix = "/api/track";
    private const string TrackTemplate = "/api/track/{trackingCode}";

    /// <summary>The path as telemetry may record it.</summary>
    public static string RedactPath(string path) =>
        IsTrackPath(path) && path.Length > TrackPrefix.Length + 1 ? TrackTemplate : path;

    /// <summary>The absolute URL as telemetry may record it (query values are already redacted by the instrumentation).</summary>
    public static string? RedactUrl(Uri? url)
    {
        if (url is null || !IsTrackPath(url.AbsolutePath))
        {
            return null;
        }

        return $"{url.Scheme}://{url.Authority}{RedactPath(url.AbsolutePath)}";
    }

    public static bool IsTrackPath(PathString path) => path.StartsWithSegments(TrackPrefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsTrackPath(string path) => IsTrackPath(new PathString(path));
}
