using System.Globalization;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>
/// Testcontainers' Docker client speaks API 1.44 (Docker 25) unless told otherwise, and older engines refuse it outright
/// ("client version 1.44 is too new"); Debian bookworm's docker.io is 20.10, API 1.41. Like the docker CLI, the provider
/// negotiates: when DOCKER_API_VERSION is unset and the engine is older than the client, it pins the engine's version
/// through that variable, which Testcontainers reads when it first creates a client.
/// </summary>
internal static class DockerApiVersion
{
    public const string Variable = "DOCKER_API_VERSION";

    /// <summary>The Docker Engine API version the bundled Docker.DotNet client requests by default.</summary>
    public static readonly Version Client = new(1, 44);

    /// <summary>The version to pin for an engine that speaks at most <paramref name="engine"/>, or null to leave the client's default.</summary>
    public static string? ToPin(string? configured, Version? engine) =>
        string.IsNullOrWhiteSpace(configured) && engine is not null && engine < Client
            ? engine.ToString(2)
            : null;

    /// <summary>Pins the engine's version for this process where <see cref="ToPin"/> says so; must run before Testcontainers' first use.</summary>
    public static void Negotiate()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return;
        }

        // Runs once, from a static constructor: a blocking ping of at most two seconds against a local engine.
        var (_, engine) = DockerEngine.PingAsync(DockerEngine.Endpoint, TimeSpan.FromSeconds(2), CancellationToken.None).GetAwaiter().GetResult();
        if (ToPin(configured, engine) is { } version)
        {
            Environment.SetEnvironmentVariable(Variable, version.ToString(CultureInfo.InvariantCulture));
        }
    }
}
