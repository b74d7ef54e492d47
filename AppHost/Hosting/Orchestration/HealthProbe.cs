using System.Net;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// Asks a project's health check: polled until it answers 200 while the project starts, and once at a time by the
/// dashboard while it runs.
/// </summary>
internal static class HealthProbe
{
    /// <summary>Where the project answers its health check; only for projects with a health path, once ports are allocated.</summary>
    public static Uri UrlOf(ProjectResource project) =>
        new(project.GetEndpoint("http").Url, project.HealthCheckPath ?? throw new ArgumentException($"'{project.Name}' has no health check.", nameof(project)));

    /// <summary>The status code the health check answered, or null when nothing answered in time.</summary>
    public static async Task<HttpStatusCode?> CheckOnceAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Not listening (yet, or any more).
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Listening but too slow to answer.
            return null;
        }
    }

    public static async Task WaitUntilHealthyAsync(ProjectResource project, ChildProcess process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = UrlOf(project);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new HostingException($"Resource '{project.Name}' exited with code {await process.Exited} before it became healthy.", Tail(project));
            }

            if (await CheckOnceAsync(client, url, cancellationToken) == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new HostingException(
                    $"Resource '{project.Name}' did not become healthy within {timeout.TotalSeconds:0} s (GET {url} never answered 200).", Tail(project));
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static List<string> Tail(ProjectResource project) => [.. project.Logs.Tail(20).Select(line => line.Text)];
}
