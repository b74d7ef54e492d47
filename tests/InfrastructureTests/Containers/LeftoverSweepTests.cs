using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using PetitionPlatform.Hosting.Containers;

namespace PetitionPlatform.InfrastructureTests.Containers;

/// <summary>Without Testcontainers' reaper, the labels are how containers of a killed process get removed.</summary>
public sealed class LeftoverSweepTests
{
    [DockerFact]
    public async Task Containers_of_an_owner_that_is_gone_are_removed_and_those_of_a_live_owner_kept()
    {
        var image = Docker.Provider().Options.PostgresImage;
        var orphan = await StartLabelledAsync(image, await ExitedProcessIdAsync());
        var alive = await StartLabelledAsync(image, Environment.ProcessId);
        try
        {
            await Docker.Provider().SweepLeftoversAsync(CancellationToken.None);

            Assert.Null(await Docker.LabelsAsync(orphan.Id));
            Assert.NotNull(await Docker.LabelsAsync(alive.Id));
        }
        finally
        {
            await orphan.DisposeAsync();
            await alive.DisposeAsync();
        }
    }

    private static async Task<DotNet.Testcontainers.Containers.IContainer> StartLabelledAsync(string image, int owner)
    {
        var container = new ContainerBuilder(image)
            .WithEntrypoint("sleep", "infinity")
            .WithLabel(ContainerLabels.Owner, owner.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithLabel(ContainerLabels.Machine, ContainerLabels.ThisMachine)
            .WithLabel(ContainerLabels.Server, "sweep-test")
            .Build();
        await container.StartAsync();
        return container;
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
