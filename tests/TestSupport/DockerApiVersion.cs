using System.Diagnostics;

namespace PetitionPlatform.TestSupport;

/// <summary>
/// Testcontainers' Docker client asks for Engine API 1.44 (Docker 25) unless told otherwise, and older engines refuse it;
/// Debian bookworm's docker.io is 20.10 (API 1.41). Like the docker CLI, negotiate: when DOCKER_API_VERSION is unset, pin
/// the engine's own version, which Testcontainers reads when it first creates a client.
/// </summary>
internal static class DockerApiVersion
{
    private const string Variable = "DOCKER_API_VERSION";

    public static void Negotiate()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            return;
        }

        using var docker = Process.Start(new ProcessStartInfo("docker", ["version", "--format", "{{.Server.APIVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var version = docker.StandardOutput.ReadToEnd().Trim();
        docker.WaitForExit();
        if (docker.ExitCode == 0 && Version.TryParse(version, out var engine) && engine < new Version(1, 44))
        {
            Environment.SetEnvironmentVariable(Variable, version);
        }
    }
}
