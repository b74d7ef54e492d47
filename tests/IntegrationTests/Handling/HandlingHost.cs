using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.IntegrationTests.Identity;
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
    /// <summary>The province's petition bureau: sees every non-confidential case of Hebei.</summary>
    public const string ProvinceBureau = "130000/petition-bureau";

    private HandlingHost(ServiceFactory<HandlingDbContext> service)
    {
        Service = service;
        Client = As(ProvinceBureau);
    }

    public ServiceFactory<HandlingDbContext> Service { get; }

    /// <summary>The service as the province's petition bureau reads it: every case of Hebei but reports.</summary>
    public HttpClient Client { get; }

    /// <summary>The service as another client calls it: an organisation id of the demo directory, or a role's client.</summary>
    public HttpClient As(string clientId)
    {
        lock (_clients)
        {
            return _clients.TryGetValue(clientId, out var known) ? known : _clients[clientId] = Service.As(clientId);
        }
    }

    private readonly Dictionary<string, HttpClient> _clients = [];

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    /// <param name="messaging">A virtual host shared with other services of the test; a fresh one by default.</param>
    /// <param name="services">Added registrations, e.g. the wiring to routing's directory or a shifted clock.</param>
    public static async Task<HandlingHost> StartAsync(
        SharedInfrastructure infrastructure, string? messaging = null, Action<IServiceCollection>? services = null)
    {
        // Callers sign in with the run's token service; whose region is whose is read in its directory unless told otherwise.
        var tokens = await SharedTokens.StartAsync(infrastructure);
        var host = new HandlingHost(new ServiceFactory<HandlingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:handlingdb"] = await infrastructure.CreateDatabaseAsync("handling"),
            ["ConnectionStrings:messaging"] = messaging ?? await infrastructure.CreateVirtualHostAsync("handling"),
        }, all =>
        {
            DirectoryWiring.Through(tokens.Directory)(all);
            services?.Invoke(all);
        }));
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
    /// <param name="reader">Whose list to wait on: by default the province's bureau, or for a report its discipline unit.</param>
    public async Task<List<JsonElement>> RouteAsync(PetitionRouted routed, int expectedCases, string? reader = null)
    {
        await Bus.Publish(routed);
        return await CasesOfAsync(routed.PetitionId, expectedCases, reader ?? (routed.Confidential ? routed.ResponsibleOrgId : ProvinceBureau));
    }

    /// <summary>The petition's cases as <paramref name="reader"/> sees them (by default the province's bureau, which sees all but reports).</summary>
    public async Task<List<JsonElement>> CasesOfAsync(Guid petitionId, int expectedCases, string reader = ProvinceBureau) => await Eventually.HoldsAsync(
        async () => await As(reader).GetAsync($"/api/handling/petitions/{petitionId}/cases") is { IsSuccessStatusCode: true } ok
            ? (await ok.Content.ReadFromJsonAsync<List<JsonElement>>())!
            : [],
        cases => cases.Count == expectedCases, because: $"the petition has {expectedCases} case(s)");

    /// <summary>A registered complaint routed to Guyuan county's labour bureau: the case id and the petitioner's code.</summary>
    public async Task<(string CaseId, Guid PetitionId, string TrackingCode)> OpenCaseAsync()
    {
        var (petitionId, trackingCode) = await RegisterAsync();
        // Read by the unit itself, which needs no directory to see its own case.
        var routed = Routed(petitionId);
        var cases = await RouteAsync(routed, 1, reader: routed.ResponsibleOrgId);
        return (cases[0].GetProperty("caseId").GetString()!, petitionId, trackingCode);
    }

    /// <summary>An action on the case by <paramref name="asClient"/>, by default the unit that leads the case (as it stands now).</summary>
    public async Task<HttpResponseMessage> PostAsync(string caseId, string action, object body, string? asClient = null)
    {
        asClient ??= Guid.TryParse(caseId, out var id)
            ? await Service.InDatabaseAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.OrgId).SingleOrDefaultAsync()) ?? ProvinceBureau
            : ProvinceBureau;
        return await As(asClient).PostAsJsonAsync($"/api/handling/cases/{caseId}/{action}", body);
    }

    /// <summary>
    /// The lifecycle events the service wrote to its outbox about one case or petition, in the order they were written
    /// (the audit trail's entries beside them are the audit tests' concern).
    /// </summary>
    public async Task<List<(string Type, JsonElement Body)>> EventsAboutAsync(string id)
    {
        var rows = await Service.InDatabaseAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync());
        return rows.Where(m => m.Body.Contains(id, StringComparison.Ordinal) && !m.MessageType.EndsWith(nameof(AuditRecorded), StringComparison.Ordinal))
            .Select(m => (m.MessageType.Split('.')[^1], JsonDocument.Parse(m.Body).RootElement.Clone()))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }
}
