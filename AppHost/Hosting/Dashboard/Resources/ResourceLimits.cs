using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>
/// The memory the console views may use (<c>Dashboard:Limits</c>): how many lines each resource keeps, and how many new
/// lines may wait for one slow live-tail client before its oldest are dropped.
/// </summary>
internal sealed record ResourceLimits(int ConsoleLines, int ConsoleStreamQueue)
{
    public const string Section = "Dashboard:Limits";
    public const int DefaultConsoleLines = 2000;
    public const int DefaultConsoleStreamQueue = 1000;

    public static ResourceLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ResourceLimits(
            Positive(section, nameof(ConsoleLines), DefaultConsoleLines),
            Positive(section, nameof(ConsoleStreamQueue), DefaultConsoleStreamQueue));
    }

    /// <summary>Sizes every resource's log ring; the host's failure messages read the same ring.</summary>
    public void ApplyTo(IEnumerable<IResource> resources)
    {
        foreach (var resource in resources)
        {
            resource.Logs.Resize(ConsoleLines);
        }
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > 0 ? value : throw new HostingException($"{Section}:{key} is {value}; use a number of lines above 0.");
    }
}
