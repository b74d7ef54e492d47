using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.Identity.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Paging;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PetitionPlatform.Identity.Clients;

/// <summary>A client as the platform knows it: who it acts for and what it may do. Its secret is shown only when made.</summary>
public sealed record Client(string ClientId, string OrgId, IReadOnlyList<string> Roles, string? DisplayName);

/// <summary>
/// The agencies' clients, kept as OpenIddict applications: confidential, allowed the token endpoint and client
/// credentials only, with the organisation and roles in the application's properties. Secrets are stored hashed by
/// OpenIddict; a new one is generated here and handed out once. Every change writes its audit entry first: OpenIddict's
/// store saves the service's one context, so the entry commits with the change. Requests about one client id (a
/// retried DELETE, two resets, two creations) take turns; without that OpenIddict's serializable delete fails the
/// second with a serialization error, and its check that an id is free lets two creations through to the unique index.
/// </summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications, AuditTrail audit, IdentityDbContext db)
{
    private const string OrgIdProperty = "org_id";
    private const string RolesProperty = "roles";

    public async Task<Client?> FindAsync(string clientId, CancellationToken ct) =>
        await applications.FindByClientIdAsync(clientId, ct) is { } application ? await ReadAsync(application, ct) : null;

    // By client id, the key that is unique among them; a province registers a client for each of its thousands of units.
    private static readonly TextKeyset<OpenIddictEntityFrameworkCoreApplication> s_byClientId = new(a => a.ClientId!);

    /// <summary>A page of the clients, by id: <see cref="PageRequest.ReadLimit"/> at most, so that the caller knows whether more follow.</summary>
    public async Task<List<Client>> PageAsync(PageRequest page, CancellationToken ct)
    {
        var clients = new List<Client>();
        foreach (var application in await s_byClientId.Read(db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking(), page).ToListAsync(ct))
        {
            clients.Add(await ReadAsync(application, ct));
        }

        return clients;
    }

    /// <summary>The cursor just past <paramref name="client"/> in the order of <see cref="PageAsync"/>.</summary>
    public static PageCursor KeyOf(Client client) => PageCursor.OfKey(client.ClientId);

    /// <summary>
    /// Registers the client and returns its secret, which nobody can read back afterwards; null when a client of that
    /// id was registered meanwhile by another request.
    /// </summary>
    public async Task<string?> CreateAsync(Client client, CancellationToken ct)
    {
        var secret = NewSecret();
        return await CreateAsync(client, secret, ct) ? secret : null;
    }

    /// <summary>
    /// Registers the client with a secret chosen elsewhere (the operator's, given at installation); false when a client
    /// of that id was registered meanwhile (another instance starting, an operator's second click).
    /// </summary>
    public async Task<bool> CreateAsync(Client client, string secret, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName ?? client.ClientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[OrgIdProperty] = JsonSerializer.SerializeToElement(client.OrgId);
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(client.Roles);
        await using var turn = await TakeTurnAsync(client.ClientId, ct);
        if (await FindInTurnAsync(client.ClientId, ct) is not null)
        {
            return false;
        }

        audit.Record(AuditActions.ClientCreated, subject: client.ClientId);
        await applications.CreateAsync(descriptor, ct);
        await turn.CommitAsync(ct);
        return true;
    }

    /// <summary>A new secret for the client (the old one stops working at once), or null when there is no such client.</summary>
    public async Task<string?> ResetSecretAsync(string clientId, CancellationToken ct)
    {
        await using var turn = await TakeTurnAsync(clientId, ct);
        if (await FindInTurnAsync(clientId, ct) is not { } application)
        {
            return null;
        }

        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.ClientSecret = secret;
        audit.Record(AuditActions.ClientSecretReset, subject: clientId);
        await applications.UpdateAsync(application, descriptor, ct);
        await turn.CommitAsync(ct);
        return secret;
    }

    /// <summary>Removes the client with its tokens; false when there is no such client (or another request removed it).</summary>
    public async Task<bool> DeleteAsync(string clientId, CancellationToken ct)
    {
        await using var turn = await TakeTurnAsync(clientId, ct);
        if (await FindInTurnAsync(clientId, ct) is not { } application)
        {
            return false;
        }

        audit.Record(AuditActions.ClientDeleted, subject: clientId);
        await applications.DeleteAsync(application, ct);
        await turn.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Opens the transaction a change of one client runs in and takes the client id's lock, so that a second request
    /// about it waits for the first to commit and then reads what it left. The platform's advisory transaction lock,
    /// not the row's, because a creation has no row to lock yet. OpenIddict's store, finding a transaction open, works in it.
    /// </summary>
    private async Task<IDbContextTransaction> TakeTurnAsync(string clientId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.TakeTransactionLockAsync("client:" + clientId, ct);
        return transaction;
    }

    /// <summary>
    /// The client's application as the database has it now: OpenIddict's manager answers from its cache, which keeps
    /// what this request read before its turn (a caller's own "is this id free?", as the demo clients' seeding asks).
    /// </summary>
    private Task<OpenIddictEntityFrameworkCoreApplication?> FindInTurnAsync(string clientId, CancellationToken ct) =>
        db.Set<OpenIddictEntityFrameworkCoreApplication>().SingleOrDefaultAsync(a => a.ClientId == clientId, ct);

    private async Task<Client> ReadAsync(object application, CancellationToken ct)
    {
        var properties = await applications.GetPropertiesAsync(application, ct);
        return new Client(
            (await applications.GetClientIdAsync(application, ct))!,
            properties.TryGetValue(OrgIdProperty, out var orgId) ? orgId.GetString()! : "",
            properties.TryGetValue(RolesProperty, out var roles) ? [.. roles.EnumerateArray().Select(r => r.GetString()!)] : [],
            await applications.GetDisplayNameAsync(application, ct));
    }

    // 256 bits, URL-safe, so it can sit in a form field or a JSON file without escaping.
    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
