using System.Net;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>Polls a project's health check until it answers 200, the process exits, or time runs out.</summary>
internal static class HealthProbe
{
    public static async Task WaitUntilHealthyAsync(ProjectResource project, ChildProcess process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = new Uri(project.GetEndpoint("http").Url, project.HealthCheckPath);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new HostingException($"Resource '{project.Name}' exited with code {await process.Exited} before it became healthy.", Tail(project));
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but too slow to answer yet.
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
