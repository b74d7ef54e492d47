using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting.Dashboard;

namespace PetitionPlatform.Hosting;

/// <summary>The host's own settings, from the <c>AppHost</c> configuration section.</summary>
/// <remarks>
/// Services export OTLP to <c>AppHost:OtlpEndpoint</c> when it is set (an external collector), otherwise to the host's
/// own dashboard; with neither, they export nothing.
/// </remarks>
internal sealed record AppHostSettings(
    string DataDirectory, TimeSpan StartupTimeout, string ServiceEnvironment, Uri? OtlpEndpoint, DashboardSettings Dashboard)
{
    public const string Section = "AppHost";

    private static readonly string[] SolutionFiles = ["PetitionPlatform.sln", "PetitionPlatform.slnx"];

    public static AppHostSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection(Section);
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(appHostDirectory) ?? Directory.GetCurrentDirectory(), ".data");
        var otlp = section["OtlpEndpoint"] is { Length: > 0 } endpoint
            ? (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw new HostingException($"AppHost:OtlpEndpoint '{endpoint}' is not an absolute URL; use e.g. http://127.0.0.1:4318."))
            : null;
        var dashboard = DashboardSettings.From(configuration);
        return new AppHostSettings(
            dataDirectory,
            section.GetValue("StartupTimeout", TimeSpan.FromSeconds(120)),
            section["ServiceEnvironment"] is { Length: > 0 } environment ? environment : "Development",
            otlp ?? (dashboard.Enabled ? dashboard.Url : null),
            dashboard);
    }

    /// <summary>The nearest folder above the AppHost (or the current directory) that holds the solution.</summary>
    private static string? RepositoryRoot(string appHostDirectory)
    {
        foreach (var start in new[] { appHostDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (SolutionFiles.Any(file => File.Exists(Path.Combine(directory.FullName, file))))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
