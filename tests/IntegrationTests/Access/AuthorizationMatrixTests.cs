using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.IntegrationTests.Audit;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Access;

/// <summary>
/// ACCESS.md as one table (<see cref="AuthorizationMatrix"/>): every endpoint every service maps, called by no token,
/// a forged and an expired token, and a client of each role inside and outside the region, each answer checked against
/// its cell. A service that maps an endpoint without a row fails the first test, so no endpoint goes without a rule.
/// </summary>
[Collection("infrastructure")]
public sealed class AuthorizationMatrixTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    /// <summary>What every service maps besides its API, each with its own tests: not part of any caller's rights.</summary>
    private static readonly string[] s_notTheApi = ["/health", "/alive", "/metrics", "/openapi/", "/scalar", "/connect/token"];

    private ServiceSet _services = null!;
    private ServiceFactory<AuditDbContext> _audit = null!;
    private TokenService _tokens = null!;
    private Dictionary<string, Func<MatrixCaller, HttpClient>> _clients = null!;
    private Dictionary<string, IServiceProvider> _providers = null!;

    public async Task InitializeAsync()
    {
        _tokens = await SharedTokens.StartAsync(infrastructure);
        _services = await ServiceSet.StartAsync(infrastructure);
        _audit = await AuditHost.StartAsync(infrastructure, _services.Messaging);
        var forged = MatrixTokens.Forged(_tokens);
        var expired = MatrixTokens.Expired(_tokens);
        _clients = new()
        {
            ["intake"] = caller => ClientOf(_services.Intake, caller, forged, expired),
            ["routing"] = caller => ClientOf(_services.Routing, caller, forged, expired),
            ["handling"] = caller => ClientOf(_services.Handling, caller, forged, expired),
            ["supervision"] = caller => ClientOf(_services.Supervision, caller, forged, expired),
            ["notification"] = caller => ClientOf(_services.Notification, caller, forged, expired),
            ["audit"] = caller => ClientOf(_audit, caller, forged, expired),
            ["identity"] = caller => ClientOf(_tokens.Identity, caller, forged, expired),
        };
        _providers = new()
        {
            ["intake"] = _services.Intake.Services,
            ["routing"] = _services.Routing.Services,
            ["handling"] = _services.Handling.Services,
            ["supervision"] = _services.Supervision.Services,
            ["notification"] = _services.Notification.Services,
            ["audit"] = _audit.Services,
            ["identity"] = _tokens.Identity.Services,
        };
    }

    public async Task DisposeAsync()
    {
        await _audit.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public void Every_endpoint_of_every_service_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = _providers.SelectMany(service => service.Value.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Select(endpoint => (Route: Normalized(endpoint.RoutePattern.RawText), Methods: endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
                .Where(endpoint => endpoint.Methods is { Count: > 0 } && !s_notTheApi.Any(endpoint.Route.StartsWith))
                .SelectMany(endpoint => endpoint.Methods!.Select(method => $"{service.Key} {method} {endpoint.Route}")))
            .ToHashSet();
        var rows = AuthorizationMatrix.Rows.Select(row => $"{row.Service} {row.Method} {row.Route}").ToHashSet();

        Assert.Empty(mapped.Except(rows).Order());
        Assert.Empty(rows.Except(mapped).Order());
    }

    [Fact]
    public async Task Each_caller_gets_what_its_cell_says_from_every_endpoint()
    {
        var petition = await PetitionOfTheMatrixAsync();
        var wrong = new List<string>();

        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var caller in MatrixCallers.All)
            {
                using var client = _clients[row.Service](caller);
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path(petition, caller));
                if (row.Body is { } body)
                {
                    request.Content = JsonContent.Create(body(petition, caller));
                }

                using var response = await client.SendAsync(request);
                var expected = row.Rule.For(caller);
                if (OutcomeOf(response.StatusCode) != expected)
                {
                    wrong.Add($"{row} as {caller}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} cells differ from the table:\n" + string.Join("\n", wrong));
    }

    private static Outcome OutcomeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.Hidden,
        >= HttpStatusCode.InternalServerError => Outcome.Failed,
        _ => Outcome.Allowed,
    };

    /// <summary>The route as the table writes it: no constraints, no trailing slash.</summary>
    private static string Normalized(string? raw) =>
        System.Text.RegularExpressions.Regex.Replace(raw ?? "", @":[a-z]+(?=\})|\?(?=\})", "").TrimEnd('/') is { Length: > 0 } route ? route : "/";

    private static HttpClient ClientOf<TContext>(ServiceFactory<TContext> factory, MatrixCaller caller, string forged, string expired)
        where TContext : DbContext
    {
        if (caller.Credential == Credential.Issued)
        {
            return factory.As(caller.ClientId!);
        }

        var client = factory.CreateClient();
        if (caller.Credential != Credential.None)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Credential == Credential.Forged ? forged : expired);
        }

        return client;
    }

    /// <summary>
    /// The Guyuan case, registered by the province's bureau and opened at Guyuan's labour bureau, once every service
    /// knows it (intake the case's unit, supervision the ledger, notification the query code); and a client for the
    /// operators' rows to reset and remove.
    /// </summary>
    private async Task<MatrixPetition> PetitionOfTheMatrixAsync()
    {
        using var registered = await _services.Intake.As(MatrixCallers.Registrar.ClientId!).RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var answer = await registered.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var petitionId = answer.GetProperty("petitionId").GetString()!;
        var trackingCode = answer.GetProperty("trackingCode").GetString()!;
        var cases = await Eventually.HoldsAsync(
            async () => await _services.Handling.As(MatrixCallers.Registrar.ClientId!).GetAsync($"/api/handling/petitions/{petitionId}/cases") is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            c => c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 1, because: "the case opens at the unit");
        Assert.Equal(MatrixCallers.Lead.ClientId, cases[0].GetProperty("orgId").GetString());
        var id = Guid.Parse(petitionId);
        await Eventually.HoldsAsync(() => _services.Intake.InDatabaseAsync(db => db.CaseHandlers.AnyAsync(h => h.PetitionId == id)), known => known,
            because: "intake learns which unit has the case");
        await Eventually.HoldsAsync(async () => (await _services.Supervision.CreateClient().GetAsync($"/api/track/{trackingCode}")).StatusCode,
            status => status == HttpStatusCode.OK, because: "supervision keeps the ledger");
        await Eventually.HoldsAsync(async () => (await _services.Notification.CreateClient().GetAsync($"/api/notifications?recipient={trackingCode}")).StatusCode,
            status => status == HttpStatusCode.OK, because: "notification knows the query code");

        var subject = $"matrix-{Guid.NewGuid():N}";
        using var created = await _tokens.Identity.As(MatrixCallers.Operator.ClientId!).PostAsJsonAsync("/api/identity/clients",
            new { clientId = subject, orgId = "130724/health", roles = new[] { "unit" } });
        created.EnsureSuccessStatusCode();
        return new MatrixPetition(petitionId, cases[0].GetProperty("caseId").GetString()!, trackingCode, subject);
    }
}
