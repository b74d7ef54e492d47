using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The dashboard's view of the running platform, read through its JSON API (nothing here stops or restarts anything).</summary>
[Collection("platform")]
public sealed class ResourceApiTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["routing", "intake", "handling", "supervision", "notification", "gateway"];

    [Fact]
    public async Task Every_resource_of_the_platform_is_listed_running_and_healthy()
    {
        // Health checks run every few seconds, so a resource may not have been asked yet right after the start.
        var resources = await Eventually.HoldsAsync(
            ListAsync,
            list => list.All(r => r.GetProperty("health").GetProperty("status").GetString() == "healthy"),
            "every resource reports healthy");

        Assert.Equal(13, resources.Count);
        Assert.Equal(
            ["postgres", "intakedb", "routingdb", "handlingdb", "supervisiondb", "notificationdb", "messaging", .. Services],
            resources.Select(r => r.GetProperty("name").GetString()));
        Assert.All(resources, r => Assert.Equal("running", r.GetProperty("state").GetString()));
        foreach (var service in resources.Where(r => r.GetProperty("kind").GetString() == "Project"))
        {
            Assert.True(service.GetProperty("pid").GetInt32() > 0);
            Assert.StartsWith("http://127.0.0.1:", service.GetProperty("endpoints")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal("GET /health answered 200", service.GetProperty("health").GetProperty("detail").GetString());
            Assert.Equal(["stop", "restart"], service.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        }

        var intakeDb = resources.Single(r => r.GetProperty("name").GetString() == "intakedb");
        Assert.Equal("postgres", intakeDb.GetProperty("parent").GetString());
        var gateway = resources.Single(r => r.GetProperty("name").GetString() == "gateway");
        Assert.Equal(
            ["intake", "routing", "handling", "supervision", "notification"],
            gateway.GetProperty("waitsFor").EnumerateArray().Select(r => r.GetString()));
        var messaging = resources.Single(r => r.GetProperty("name").GetString() == "messaging");
        Assert.Equal(["amqp", "management"], messaging.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_console_of_a_service_returns_its_recent_lines()
    {
        var log = await platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/resources/intake/logs", UriKind.Relative));
        var tail = await platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/resources/intake/logs?tail=3", UriKind.Relative));

        Assert.Equal("intake", log.GetProperty("resource").GetString());
        Assert.Equal(2000, log.GetProperty("capacity").GetInt32());
        Assert.Equal(3, tail.GetProperty("lines").GetArrayLength());
        var lines = log.GetProperty("lines").EnumerateArray().ToList();
        Assert.All(lines, line =>
        {
            Assert.Contains(line.GetProperty("stream").GetString(), new[] { "stdout", "stderr" });
            Assert.True(line.GetProperty("time").GetDateTimeOffset() <= DateTimeOffset.Now);
        });
        Assert.Contains(lines, line => line.GetProperty("text").GetString()!.Contains("Now listening on", StringComparison.Ordinal));
    }

    private async Task<List<JsonElement>> ListAsync() =>
        [.. (await platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/resources", UriKind.Relative))).EnumerateArray()];
}
