using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.ServiceDefaults.Telemetry;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Telemetry;

/// <summary>
/// One petition submitted through the gateway is one trace: the gateway's span, intake's, its database calls, each
/// outbox publish, the RabbitMQ hop into every consumer of every service, and the notifications delivered at the end.
/// Real PostgreSQL and RabbitMQ; the spans are read with an in-process listener, as an exporter would see them.
/// </summary>
[Collection("infrastructure")]
public sealed class TraceChainTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    // The queues a registration reaches directly, and those reached by the events their consumers publish in turn.
    private static readonly string[] s_consumers =
    [
        "routing-petition-registered", "handling-petition-registered", "supervision-petition-registered",
        "notification-petition-registered", "notification-petitioner-receipt-requested",
        "handling-petition-routed", "notification-petition-routed", "notification-case-opened",
    ];

    private readonly SpanRecorder _spans = new();
    private TracedPlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await TracedPlatform.StartAsync(infrastructure);

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _spans.Dispose();
    }

    [Fact]
    public async Task A_petition_submitted_through_the_gateway_is_one_trace_through_every_consumer_to_its_notifications()
    {
        var response = await _platform.Portal.RegisterAsync(SamplePetitions.GuyuanWageArrears());
        Assert.True(response.IsSuccessStatusCode);
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString();
        var traceId = ActivityTraceId.CreateFromString(Assert.Single(response.Headers.GetValues("X-Trace-Id")));

        var trace = await Eventually.HoldsAsync(
            () => Task.FromResult(_spans.InTrace(traceId)),
            spans => s_consumers.All(queue => spans.Any(span => IsConsumption(span, queue)))
                     && spans.Any(span => span.DisplayName.StartsWith("notification deliver", StringComparison.Ordinal))
                     && spans.Any(span => span.DisplayName == "outbox publish NotificationSent"),
            within: TimeSpan.FromSeconds(40), because: "every consumer, a delivery and the event it caused join the request's trace");
        var byId = trace.ToDictionary(span => span.SpanId);

        // The gateway's server span is the root; intake's server span is a grandchild, under the forwarding client span.
        var root = Assert.Single(trace, span => span.ParentSpanId == default);
        Assert.Equal((ActivityKind.Server, "/api/intake/{**rest}"), (root.Kind, root.GetTagItem("http.route")));
        var intake = Assert.Single(trace, span => span.Kind == ActivityKind.Server && span != root);
        Assert.Equal(ActivityKind.Client, byId[intake.ParentSpanId].Kind);
        Assert.Equal(petitionId, intake.GetTagItem(PetitionAttributes.PetitionId));
        Assert.Equal("130000/petition-bureau", intake.GetTagItem(PetitionAttributes.OrgId));
        Assert.Contains(trace, span => span.Source.Name == "Npgsql" && span.ParentSpanId == intake.SpanId);
        // A statement's span is its text and duration; no event per statement to export and store beside it.
        Assert.All(trace.Where(span => span.Source.Name == "Npgsql"), statement => Assert.Empty(statement.Events));

        // Across the broker: each consumer's receive span is a child of MassTransit's send span, which is a child of the
        // outbox's publish span, which continues the span that committed the event (whenever the row was published).
        var receives = trace.Where(span => span.Kind == ActivityKind.Consumer && span.GetTagItem("messaging.operation") as string == "receive").ToList();
        Assert.NotEmpty(receives);
        foreach (var receive in receives)
        {
            var send = byId[receive.ParentSpanId];
            Assert.Equal(ActivityKind.Producer, send.Kind);
            var publish = byId[send.ParentSpanId];
            Assert.StartsWith("outbox publish ", publish.DisplayName, StringComparison.Ordinal);
            Assert.True(byId.ContainsKey(publish.ParentSpanId), $"{publish.DisplayName} continues a span of the trace");
        }

        // A delivery runs later in notification's background sender, yet continues the consumption that planned it, and the
        // NotificationSent it commits is published under the delivery.
        Assert.All(trace.Where(span => span.DisplayName == "outbox publish NotificationSent"),
            publish => Assert.StartsWith("notification deliver", byId[publish.ParentSpanId].DisplayName, StringComparison.Ordinal));

        // Every span of consumer work names the petition.
        Assert.All(trace.Where(span => span.Kind == ActivityKind.Consumer), span => Assert.Equal(petitionId, span.GetTagItem(PetitionAttributes.PetitionId)));
        Assert.All(trace.Where(span => span.DisplayName.StartsWith("outbox publish ", StringComparison.Ordinal)),
            span => Assert.Equal(petitionId, span.GetTagItem(PetitionAttributes.PetitionId)));
    }

    private static bool IsConsumption(Activity span, string queue) =>
        span.Kind == ActivityKind.Consumer && span.DisplayName == $"{queue} process";
}
