using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts;
using PetitionPlatform.Identity.Clients;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Identity.Api;

public sealed record ClientRequest(string? ClientId, string? OrgId, IReadOnlyList<string>? Roles, string? DisplayName);

/// <summary>A client with its secret, answered once: when it is made and when its secret is reset.</summary>
public sealed record IssuedClient(string ClientId, string Secret, string OrgId, IReadOnlyList<string> Roles);

/// <summary>
/// The operators' API for clients (ACCESS.md: operators manage clients): register one for an organisation of the
/// directory with roles of ACCESS.md, list them, reset a secret, remove one. Only an <c>operator</c> token may call it.
/// </summary>
public static class ClientsApi
{
    public const string OperatorPolicy = "operator";

    public static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/identity/clients").WithTags("Clients").RequireAuthorization(OperatorPolicy);
        clients.MapPost("/", CreateAsync).WithSummary("Register a client for an organisation; its secret is shown once");
        clients.MapGet("/", ListAsync).WithSummary("The registered clients, without secrets, by id, a page at a time");
        clients.MapPost("/{clientId}/secret", ResetSecretAsync).WithSummary("A new secret; the old one stops working at once");
        clients.MapDelete("/{clientId}", DeleteAsync).WithSummary("Remove a client; its tokens stop working when they expire");
        return app;
    }

    private static async Task<Results<Created<IssuedClient>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest http, ClientRegistry registry, RoutingDirectory directory, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ClientRequest>(http, "A JSON object { orgId, roles, clientId?, displayName? } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (!OrgId.IsWellFormed(request.OrgId))
        {
            errors["orgId"] = ["The organisation is required as '<regionCode>/<unit>', e.g. 130724/hrss."];
        }
        else if (await directory.FindOrganizationAsync(request.OrgId, ct) is null)
        {
            errors["orgId"] = [$"'{request.OrgId}' is not in the directory; a client acts for an organisation the directory knows."];
        }

        if (request.Roles is not { Count: > 0 } || request.Roles.Any(r => !AccessRoles.All.Contains(r)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", AccessRoles.All)}."];
        }

        var clientId = request.ClientId ?? request.OrgId;
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 100 || clientId.Any(char.IsWhiteSpace))
        {
            errors["clientId"] = ["A client id has 1 to 100 characters and no spaces (default: the organisation id)."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var client = new Client(clientId!, request.OrgId!, [.. request.Roles!.Distinct()], request.DisplayName);
        // Whether the id is free is the registry's to say, in the same turn as the creation: a check here would race.
        if (await registry.CreateAsync(client, ct) is not { } secret)
        {
            return Problem.Invalid(new Dictionary<string, string[]> { ["clientId"] = [$"A client '{clientId}' exists already; reset its secret instead."] });
        }

        return TypedResults.Created($"/api/identity/clients/{Uri.EscapeDataString(client.ClientId)}",
            new IssuedClient(client.ClientId, secret, client.OrgId, client.Roles));
    }

    private static async Task<Results<Ok<List<Client>>, ValidationProblem>> ListAsync(
        string? limit, string? after, HttpContext http, ClientRegistry registry, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (PageRequest.Parse(limit, after, errors) is not { } page)
        {
            return Problem.Invalid(errors);
        }

        return TypedResults.Ok(page.Page(await registry.PageAsync(page, ct), ClientRegistry.KeyOf, http));
    }

    private static async Task<Results<Ok<IssuedClient>, ProblemHttpResult>> ResetSecretAsync(string clientId, ClientRegistry registry, CancellationToken ct) =>
        await registry.ResetSecretAsync(clientId, ct) is { } secret && await registry.FindAsync(clientId, ct) is { } client
            ? TypedResults.Ok(new IssuedClient(client.ClientId, secret, client.OrgId, client.Roles))
            : Problem.NotFound($"No client '{clientId}'.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string clientId, ClientRegistry registry, CancellationToken ct) =>
        await registry.DeleteAsync(clientId, ct) ? TypedResults.NoContent() : Problem.NotFound($"No client '{clientId}'.");
}
