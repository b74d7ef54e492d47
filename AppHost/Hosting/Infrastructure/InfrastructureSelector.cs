using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.Containers;
using PetitionPlatform.Hosting.Local;

namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>Which provider serves PostgreSQL and RabbitMQ.</summary>
public enum InfrastructureMode
{
    Local,
    Containers,
}

/// <summary>The chosen provider and why it was chosen, e.g. "containers (a Docker engine answers at unix:///var/run/docker.sock)".</summary>
public sealed record InfrastructureSelection(IInfrastructureProvider Provider, string Reason)
{
    public string Description => $"Infrastructure: {Provider.Name} ({Reason})";
}

/// <summary>
/// Chooses between local processes and containers the same way for the AppHost and the test fixtures:
/// <c>PETITION_INFRASTRUCTURE=containers|local</c> forces one; unset, containers when a Docker engine answers, else local.
/// Forcing containers where no engine answers is a failure, not a silent fallback: CI relies on it.
/// </summary>
public static class InfrastructureSelector
{
    public const string ModeKey = "PETITION_INFRASTRUCTURE";

    /// <summary>An engine on this machine answers a ping in milliseconds; waiting longer only delays every start without one.</summary>
    public static readonly TimeSpan EngineTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The provider <paramref name="configuration"/> (environment variables included) asks for.
    /// <paramref name="keepData"/> is passed to a container provider: true for the AppHost, false for test fixtures.
    /// </summary>
    public static async Task<InfrastructureSelection> SelectAsync(
        IConfiguration configuration, bool keepData, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (mode, reason) = await ChooseAsync(
            configuration[ModeKey],
            token => DockerEngine.AnswersAsync(EngineTimeout, token),
            DockerEngine.Endpoint,
            cancellationToken).ConfigureAwait(false);
        IInfrastructureProvider provider = mode switch
        {
            InfrastructureMode.Containers => new ContainerProvider(ContainerProviderOptions.From(configuration, keepData), loggerFactory),
            _ => new LocalProcessProvider(null, loggerFactory),
        };
        return new InfrastructureSelection(provider, reason);
    }

    /// <summary>The decision alone: the requested mode (or none) and whether the engine answers, asked only when it matters.</summary>
    public static async Task<(InfrastructureMode Mode, string Reason)> ChooseAsync(
        string? requested, Func<CancellationToken, Task<bool>> engineAnswers, Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engineAnswers);
        switch (requested?.Trim().ToLowerInvariant())
        {
            case "local":
                return (InfrastructureMode.Local, $"{ModeKey}=local");
            case "containers":
                return await engineAnswers(cancellationToken).ConfigureAwait(false)
                    ? (InfrastructureMode.Containers, $"{ModeKey}=containers")
                    : throw new HostingException($"{ModeKey}=containers, but no Docker engine answers at {endpoint}; start dockerd, set DOCKER_HOST, or use {ModeKey}=local.");
            case null or "":
                return await engineAnswers(cancellationToken).ConfigureAwait(false)
                    ? (InfrastructureMode.Containers, $"a Docker engine answers at {endpoint}")
                    : (InfrastructureMode.Local, $"no Docker engine answers at {endpoint}");
            default:
                throw new HostingException($"{ModeKey} is '{requested}'; use 'containers' or 'local', or leave it unset to use containers whenever a Docker engine answers.");
        }
    }
}
