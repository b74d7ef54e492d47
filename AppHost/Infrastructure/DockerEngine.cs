using System.ComponentModel;
using System.Diagnostics;

namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>Asks the Docker engine, through the docker command (which honours DOCKER_HOST), whether it answers and holds the images.</summary>
internal static class DockerEngine
{
    /// <summary>Null when the engine answers and has every image; otherwise what is missing, in words.</summary>
    public static string? Missing(params string[] images)
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["image", "inspect", "--format", "{{.Id}}", .. images])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var errors = docker.StandardError.ReadToEndAsync();
            if (!docker.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                docker.Kill();
                return "the Docker engine does not answer within 10 s";
            }

            var absent = images.Where(image => errors.Result.Contains($"No such image: {image}", StringComparison.OrdinalIgnoreCase)).ToList();
            return docker.ExitCode == 0 ? null
                : absent.Count > 0 ? $"the Docker engine lacks {string.Join(" and ", absent)}"
                : "no Docker engine answers";
        }
        catch (Win32Exception)
        {
            return "the docker command is not installed";
        }
    }
}
