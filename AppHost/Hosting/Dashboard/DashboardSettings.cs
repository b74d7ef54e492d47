using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting.Dashboard.Telemetry;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.Dashboard;

/// <summary>
/// The <c>Dashboard</c> configuration section: whether the host serves its dashboard and on which loopback port. Port 0
/// picks a free port once, here, so every service is told the same OTLP address before anything starts.
/// </summary>
internal sealed record DashboardSettings(bool Enabled, int Port)
{
    public const string Section = "Dashboard";
    public const string PortSetting = "Dashboard:Port";
    public const int DefaultPort = 18888;

    /// <summary>Where the dashboard answers (pages, JSON API and the OTLP receiver under <c>/v1/…</c>).</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>How much telemetry the traces, logs and metrics views keep (<c>Dashboard:Limits:*</c>).</summary>
    public TelemetryLimits TelemetryLimits { get; init; } = TelemetryLimits.Default;

    public static DashboardSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var port = section.GetValue("Port", DefaultPort);
        if (port is < 0 or > 65535)
        {
            throw new HostingException($"{PortSetting} is {port}; use a TCP port between 1 and 65535, or 0 for any free port.");
        }

        return new DashboardSettings(section.GetValue("Enabled", true), port == 0 ? TcpPorts.GetFree() : port)
        {
            TelemetryLimits = TelemetryLimits.From(section.GetSection("Limits")),
        };
    }
}
