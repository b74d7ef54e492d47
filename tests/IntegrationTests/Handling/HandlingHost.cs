using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// The handling service alone on its own database and virtual host. Its input events are published on the real broker,
/// as intake and routing would publish them; what it answers is read through its HTTP API and its outbox.
/// </summary>
public sealed class HandlingHost : IAsyncDisposable
{
    private HandlingHost(ServiceFactory<HandlingDbContext> service)
    {
        Service = service;
        Client = service.CreateClient();
    }

    public ServiceFactory<HandlingDbContext> Service { get; }

    public HttpClient Client { get; }

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    /// <param name="messaging">A virtual host shared with other services of the test; a fresh one by default.</param>
    /// <param name="services">Added registrations, e.g. the wiring to routing's directory or a shifted clock.</param>
    public static async Task<HandlingHost> StartAsync(
        SharedInfrastructure infrastructure, string? messaging = null, Action<IServiceCollection>? services = null)
    {
        var host = new HandlingHost(new ServiceFactory<HandlingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:handlingdb"] = await infrastructure.CreateDatabaseAsync("handling"),
            ["ConnectionStrings:messaging"] = messaging ?? await infrastructure.CreateVirtualHostAsync("handling"),
        }, services));
        await ServiceSet.Ready(host.Client);
        return host;
    }

    /// <summary>Publishes a registration as intake does; returns the petition id and the petitioner's query code.</summary>
    public async Task<(Guid PetitionId, string TrackingCode)> RegisterAsync(string kind = "complaint")
    {
        var petitionId = Guid.NewGuid();
        var trackingCode = "7KQ2-" + petitionId.ToString("N")[..4].ToUpperInvariant() + "-M8XD-W3FA";
        await Bus.Publish(new PetitionRegistered(
            petitionId, "130724-20261123-00001", "online", kind, kind == "report" ? "official-misconduct" : "wage-arrears",
            "130724102", "130000/petition-bureau", 35, DateTimeOffset.UtcNow, TrackingCodes.Hash(trackingCode)));
        await Eventually.HoldsAsync(
            () => Service.InDatabaseAsync(db => db.KnownPetitions.CountAsync(p => p.PetitionId == petitionId)),
            count => count == 1, because: "handling records the registered petition");
        return (petitionId, trackingCode);
    }

    public static PetitionRouted Routed(Guid petitionId, string orgId = "130724/hrss", int attempt = 0, string mode = RoutingModes.Transfer,
        bool confidential = false, IReadOnlyList<string>? coHandlers = null) => new(
        petitionId, "130724/petition-bureau", mode, orgId, "沽源县人力资源和社会保障局",
        ["130000/petition-bureau", "130724/petition-bureau", orgId], coHandlers ?? [],
        "wage-arrears: hrss at the county where the matter arose", confidential, attempt,
        mode == RoutingModes.Assign ? DateTimeOffset.UtcNow.AddDays(75) : null,
        mode == RoutingModes.GuideToLegal ? "民事诉讼" : null, DateTimeOffset.UtcNow);

    /// <summary>Publishes a routing decision and waits until the petition has <paramref name="expectedCases"/> cases.</summary>
    public async Task<List<JsonElement>> RouteAsync(PetitionRouted routed, int expectedCases)
    {
        await Bus.Publish(routed);
        return await CasesOfAsync(routed.PetitionId, expectedCases);
    }

    public async Task<List<JsonElement>> CasesOfAsync(Guid petitionId, int expectedCases) => await Eventually.HoldsAsync(
        async () => (await Client.GetFromJsonAsync<List<JsonElement>>($"/api/handling/petitions/{petitionId}/cases"))!,
        cases => cases.Count == expectedCases, because: $"the petition has {expectedCases} case(s)");

    /// <summary>A registered complaint routed to Guyuan county's labour bureau: the case id and the petitioner's code.</summary>
    public async Task<(string CaseId, Guid PetitionId, string TrackingCode)> OpenCaseAsync()
    {
        var (petitionId, trackingCode) = await RegisterAsync();
        var cases = await RouteAsync(Routed(petitionId), 1);
        return (cases[0].GetProperty("caseId").GetString()!, petitionId, trackingCode);
    }

    public Task<HttpResponseMessage> PostAsync(string caseId, string action, object body) =>
        Client.PostAsJsonAsync($"/api/handling/cases/{caseId}/{action}", body);

    /// <summary>The events the service wrote to its outbox about one case or petition, in the order they were written.</summary>
    public async Task<List<(string Type, JsonElement Body)>> EventsAboutAsync(string id)
    {
        var rows = await Service.InDatabaseAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync());
        return rows.Where(m => m.Body.Contains(id, StringComparison.Ordinal))
            .Select(m => (m.MessageType.Split('.')[^1], JsonDocument.Parse(m.Body).RootElement.Clone()))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }
}
