using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The app model as Aspire runs it: every resource the dashboard lists (not its hidden helpers) is running and healthy.</summary>
[Collection("platform")]
public sealed class ResourceTests(PlatformFixture platform)
{
    public static readonly string[] Platform =
    [
        "postgres", "intakedb", "routingdb", "handlingdb", "supervisiondb", "notificationdb", "identitydb", "auditdb",
        "messaging", "routing", "intake", "handling", "supervision", "notification", "identity", "audit", "gateway",
    ];

    [Fact]
    public async Task Every_resource_the_dashboard_shows_runs_and_is_healthy()
    {
        var shown = platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource)
            .Where(r => !platform.App.ResourceNotifications.TryGetCurrentState(r.Name, out var state) || !state.Snapshot.IsHidden)
            .ToList();
        Assert.Superset(Platform.ToHashSet(), shown.Select(r => r.Name).ToHashSet());

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var resource in shown)
        {
            // Health checks run every few seconds, so one may not have been asked yet right after the start.
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, patience.Token);
            Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(resource.Name, out var current), resource.Name);
            Assert.Equal(KnownResourceStates.Running, current.Snapshot.State?.Text);
        }
    }

    [Fact]
    public async Task Each_database_is_a_child_of_the_server_and_the_gateway_waits_for_every_service()
    {
        var resources = platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.ToDictionary(r => r.Name);

        foreach (var database in Platform.Where(n => n.EndsWith("db", StringComparison.Ordinal)))
        {
            Assert.Equal("postgres", Assert.IsAssignableFrom<IResourceWithParent>(resources[database]).Parent.Name);
            var connectionString = await ((IResourceWithConnectionString)resources[database]).GetConnectionStringAsync();
            Assert.EndsWith($"Database={database}", connectionString, StringComparison.Ordinal);
        }

        Assert.True(resources["gateway"].TryGetAnnotationsOfType<WaitAnnotation>(out var waits));
        Assert.Equal(["intake", "routing", "handling", "supervision", "notification", "identity", "audit"], waits.Select(w => w.Resource.Name));
    }
}
