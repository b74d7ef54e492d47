using System.Text.Json;
using Microsoft.Extensions.Options;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Identity.Clients;

/// <summary>A demo client's line in <c>clients.json</c>: what a script needs to sign in as it.</summary>
public sealed record DemoClientSecret(string Secret, string OrgId, IReadOnlyList<string> Roles);

/// <summary>
/// Development only: a client for every organisation of the directory (client id = organisation id) and one portal,
/// operator and auditor client, acting for the first province's petition bureau. Secrets are generated when a client is
/// made and written, with its organisation and roles, to <see cref="IdentityOptions.ClientsFile"/> (mode 0600), so
/// scripts and tests of a local stack can sign in as any unit; a client whose secret the file lost gets a new one.
/// </summary>
public sealed partial class DemoClients(ClientRegistry registry, RoutingDirectory directory, IOptions<IdentityOptions> options, ILogger<DemoClients> logger)
{
    public static readonly string[] Services = [AccessRoles.Portal, AccessRoles.Operator, AccessRoles.Auditor];

    public async Task SeedAsync(CancellationToken ct)
    {
        var path = options.Value.ClientsFile ?? throw new InvalidOperationException("Identity:ClientsFile must name where the demo clients' secrets go.");
        var known = Read(path);
        var wanted = await WantedAsync(ct);
        var made = 0;
        foreach (var client in wanted)
        {
            string? secret = null;
            if (await registry.FindAsync(client.ClientId, ct) is null)
            {
                secret = await registry.CreateAsync(client, ct);
                made++;
            }
            else if (client.ClientId == AccessRoles.Operator && options.Value.OperatorSecret is { Length: > 0 } operatorSecret)
            {
                // Made at start with the secret the AppHost keeps; listed here too, never replaced.
                secret = operatorSecret;
            }
            else if (!known.ContainsKey(client.ClientId))
            {
                secret = await registry.ResetSecretAsync(client.ClientId, ct);
            }

            if (secret is not null)
            {
                known[client.ClientId] = new DemoClientSecret(secret, client.OrgId, client.Roles);
            }
        }

        Write(path, known);
        LogSeeded(logger, wanted.Count, made, path);
    }

    private async Task<List<Client>> WantedAsync(CancellationToken ct)
    {
        var clients = new List<Client>();
        var regions = await directory.ListRegionsAsync(ct);
        foreach (var region in regions)
        {
            foreach (var organization in await directory.ListOrganizationsAsync(region.Code, ct))
            {
                clients.Add(new Client(organization.Id, organization.Id, OrganizationRoles.Of(organization.Unit), organization.Name));
            }
        }

        var home = clients.Select(c => c.OrgId).Where(id => id.EndsWith("0000/petition-bureau", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        clients.AddRange(Services.Select(role => new Client(role, home, [role], $"demo {role}")));
        return clients;
    }

    private static Dictionary<string, DemoClientSecret> Read(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, DemoClientSecret>>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? []
            : [];

    private static void Write(string path, Dictionary<string, DemoClientSecret> clients)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(clients.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(), s_indented));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static readonly JsonSerializerOptions s_indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clients: {Count} in all, {Made} made now; secrets in {Path}")]
    private static partial void LogSeeded(ILogger logger, int count, int made, string path);
}
