using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Telemetry;

/// <summary>
/// Intake's business metrics on its Prometheus endpoint, and the OTLP exporter speaking http/protobuf to the address the
/// AppHost gives it (here a small receiver in the test).
/// </summary>
[Collection("infrastructure")]
public sealed class MetricsAndExportTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? ContentType)> _received = new();
    private WebApplication _collector = null!;
    private ServiceFactory<RoutingDbContext> _directory = null!;
    private ServiceFactory<IntakeDbContext> _intake = null!;

    public async Task InitializeAsync()
    {
        // Intake needs a client: registrations come from a portal's, reads from a bureau's.
        await SharedTokens.StartAsync(infrastructure);
        var collector = WebApplication.CreateSlimBuilder();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = collector.Build();
        _collector.MapPost("/{**signal}", (HttpRequest request) =>
        {
            _received.Enqueue((request.Path.Value!, request.ContentType));
            return Results.Ok();
        });
        await _collector.StartAsync();

        _directory = await DirectoryWiring.StartDirectoryAsync(infrastructure);
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = await infrastructure.CreateDatabaseAsync("intakedb"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("metrics"),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "intake",
        }, DirectoryWiring.Through(_directory));
        await ServiceSet.Ready(_intake.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _directory.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task A_registration_is_counted_by_channel_and_kind_on_the_scrape_endpoint()
    {
        var client = _intake.As("portal");
        var before = await client.GetStringAsync("/metrics");
        Assert.DoesNotContain("petition_registered_total{", before, StringComparison.Ordinal);

        var response = await client.RegisterAsync(SamplePetitions.GuyuanWageArrears());
        Assert.True(response.IsSuccessStatusCode);

        var scrape = await Eventually.HoldsAsync(() => client.GetStringAsync("/metrics"),
            // The outbox publishes after the commit, so its counter may appear a moment after the registration's.
            text => text.Contains("petition_registered_total{", StringComparison.Ordinal) && text.Contains("petition_outbox_published_total", StringComparison.Ordinal),
            because: "the counters appear once a petition is registered and its events published");
        var line = Assert.Single(scrape.Split('\n'), l => l.StartsWith("petition_registered_total{", StringComparison.Ordinal));
        Assert.Contains("channel=\"online\"", line, StringComparison.Ordinal);
        Assert.Contains("kind=\"complaint\"", line, StringComparison.Ordinal);
        Assert.EndsWith(" 1", line.Split(' ')[..2].Aggregate((a, b) => $"{a} {b}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traces_metrics_and_logs_are_posted_as_protobuf_to_the_signal_paths()
    {
        var response = await _intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());
        Assert.True(response.IsSuccessStatusCode);

        // Metrics leave every 5 s by default here (the SDK's minute is too slow to watch); traces and logs in batches.
        var received = await Eventually.HoldsAsync(() => Task.FromResult(_received.ToArray()),
            posts => new[] { "/v1/traces", "/v1/metrics", "/v1/logs" }.All(path => posts.Any(p => p.Path == path)),
            within: TimeSpan.FromSeconds(30), because: "each signal is exported");
        Assert.All(received, post => Assert.Equal("application/x-protobuf", post.ContentType));
    }
}
