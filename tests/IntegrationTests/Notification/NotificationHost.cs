using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Delivery;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>
/// The notification service on a fresh database and virtual host, with a fast sender, optionally with test
/// services (a failing channel) registered over the real ones.
/// </summary>
public sealed class NotificationHost : IAsyncDisposable
{
    private readonly ServiceFactory<NotificationDbContext> _factory;
    private readonly WebApplicationFactory<NotificationDbContext> _app;

    private NotificationHost(ServiceFactory<NotificationDbContext> factory, Action<IServiceCollection>? services)
    {
        _factory = factory;
        _app = services is null ? factory : factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services));
        Client = _app.CreateClient();
    }

    /// <summary>The service without a token, as a petitioner asks it.</summary>
    public HttpClient Client { get; }

    /// <summary>The service as the client <paramref name="clientId"/> calls it (a unit reads its own messages).</summary>
    public HttpClient As(string clientId) => _app.CreateDefaultClient(new ServiceFactory<NotificationDbContext>.BearerToken(clientId));

    /// <summary>The keys the service opens receipts with, as intake seals them.</summary>
    public ReceiptSealing Sealing => _app.Services.GetRequiredService<ReceiptSealing>();

    public static async Task<NotificationHost> StartAsync(
        SharedInfrastructure infrastructure, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:notificationdb"] = await infrastructure.CreateDatabaseAsync("notification"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("notification"),
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:FirstRetryDelay"] = "00:00:00.200",
            ["Delivery:MaxRetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        await SharedTokens.StartAsync(infrastructure);
        var host = new NotificationHost(new ServiceFactory<NotificationDbContext>(all), services);
        await ServiceSet.Ready(host.Client);
        return host;
    }

    /// <summary>Publishes on the real broker, as the other services' outboxes do.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        _app.Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            if (messageId is { } id)
            {
                context.MessageId = id;
            }
        });

    public async Task<T> InDatabaseAsync<T>(Func<NotificationDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationDbContext>());
    }

    /// <summary>One round of the background sender, now (for tests that keep it from polling on its own).</summary>
    public Task<int> SendDueNowAsync() =>
        _app.Services.GetServices<IHostedService>().OfType<NotificationSender>().Single().SendDueAsync(CancellationToken.None);

    /// <summary>How many messages about the petition the service has consumed (its inbox), to know a negative is final.</summary>
    public Task<int> ProcessedAsync(Guid petitionId) =>
        InDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(m => m.PetitionId == petitionId));

    public Task WaitUntilProcessedAsync(Guid petitionId, int count) => Eventually.HoldsAsync(
        () => ProcessedAsync(petitionId), n => n >= count, because: $"{count} events about the petition are consumed");

    /// <summary>A unit reads its messages with its own client; a petitioner with the query code alone.</summary>
    private HttpClient ReaderOf(string recipient) => OrgId.IsWellFormed(recipient) ? As(recipient) : Client;

    public async Task<List<JsonElement>> MessagesForAsync(string recipient, Guid? petitionId = null)
    {
        var url = $"/api/notifications?recipient={Uri.EscapeDataString(recipient)}" + (petitionId is null ? "" : $"&petitionId={petitionId}");
        return (await ReaderOf(recipient).GetFromJsonAsync<List<JsonElement>>(url))!;
    }

    /// <summary>Waits until the recipient has <paramref name="count"/> messages about the petition, all delivered.</summary>
    /// <remarks>A query code answers 404 until the service has consumed the registration, so that counts as none yet.</remarks>
    public Task<List<JsonElement>> SentToAsync(string recipient, Guid petitionId, int count) => Eventually.HoldsAsync(
        async () =>
        {
            var url = $"/api/notifications?recipient={Uri.EscapeDataString(recipient)}&petitionId={petitionId}";
            using var response = await ReaderOf(recipient).GetAsync(url);
            return response.StatusCode == HttpStatusCode.NotFound
                ? []
                : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<List<JsonElement>>())!;
        },
        messages => messages.Count == count && messages.All(m => m.GetProperty("status").GetString() == "sent"),
        because: $"{count} message(s) to {recipient} are delivered");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        if (!ReferenceEquals(_app, _factory))
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>Events as the other services publish them, for the Guyuan wage-arrears matter (DOMAIN.md §9).</summary>
internal static class GuyuanEvents
{
    public const string TrackingCode = "7K3M-Q9XD-2HVW-PB4T";

    public static DateTimeOffset At { get; } = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    public static PetitionRegistered Registered(Guid petitionId, string kind = "complaint", string channel = "sms") => new(
        petitionId, "130724-20260302-00017", channel, kind, kind == "report" ? "official-misconduct" : "wage-arrears",
        "130724102", "130000/petition-bureau", 35, At, TrackingCodes.Hash(TrackingCode));

    /// <summary>The receipt as intake publishes it: the query code sealed, never in clear.</summary>
    public static PetitionerReceiptRequested Receipt(Guid petitionId, ReceiptSealing sealing, string channel = "sms") =>
        new(petitionId, "130724-20260302-00017", TrackingCode: null, channel, At, sealing.SealToBase64(TrackingCode));

    public static PetitionRouted Routed(Guid petitionId, string mode, string by, string to, string name, int attempt = 0, bool confidential = false) => new(
        petitionId, by, mode, to, name, [by, to], [], "classification list: wage-arrears → hrss", confidential, attempt,
        mode == RoutingModes.Assign ? new DateTimeOffset(2026, 5, 31, 23, 59, 59, TimeSpan.FromHours(8)) : null,
        mode == RoutingModes.GuideToLegal ? "民事诉讼" : null, At.AddHours(1));

    public static CaseOpened Opened(Guid petitionId, Guid caseId, string orgId, string mode, bool confidential = false) => new(
        petitionId, caseId, orgId, CaseStages.Original, mode, new DateTimeOffset(2026, 3, 17, 23, 59, 59, TimeSpan.FromHours(8)),
        mode == RoutingModes.Assign ? new DateTimeOffset(2026, 5, 31, 23, 59, 59, TimeSpan.FromHours(8)) : null, confidential, At.AddHours(2));
}
