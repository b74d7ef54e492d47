using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting.Containers;

namespace PetitionPlatform.InfrastructureTests.Containers;

/// <summary>The engine as the tests inspect it, and a container provider configured from the environment's image variables.</summary>
internal static class Docker
{
    // The provider negotiates the engine's API version before Testcontainers' first client; the tests' own client comes after.
    static Docker() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(ContainerProvider).TypeHandle);

    public static ContainerProvider Provider(bool keepData = false) =>
        new(ContainerProviderOptions.From(new ConfigurationBuilder().AddEnvironmentVariables().Build(), keepData));

    public static DockerClient Client() => TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();

    /// <summary>The container's labels, or null when Docker knows no such container.</summary>
    public static async Task<IDictionary<string, string>?> LabelsAsync(string containerId)
    {
        using var client = Client();
        try
        {
            return (await client.Containers.InspectContainerAsync(containerId)).Config?.Labels ?? new Dictionary<string, string>();
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    public static async Task<bool> VolumeExistsAsync(string name)
    {
        using var client = Client();
        var volumes = await client.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        });
        return volumes.Volumes?.Any(volume => volume.Name == name) == true;
    }
}
