using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.Identity.Clients;
using PetitionPlatform.Identity.Data;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Identity;

/// <summary>
/// Before the token endpoint opens (after the migrations and the signing keys): the operators' own client exists
/// when its secret is configured, and in Development the demo clients are in place.
/// </summary>
internal sealed class IdentityStartup(IServiceScopeFactory scopes, IOptions<IdentityOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Instances starting together take turns: each would otherwise make some of the demo clients and write
        // clients.json with only the secrets it made, and the last file written would lack the other's.
        await using var turn = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database
            .TakeSessionLockAsync("identity-startup", cancellationToken);
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        if (options.Value.OperatorSecret is { Length: > 0 } secret && await registry.FindAsync(AccessRoles.Operator, cancellationToken) is null)
        {
            // The operators act for no petition; the province's bureau is only where the client is filed.
            var operatorClient = new Client(AccessRoles.Operator, OrgId.PetitionBureauOf(RegionCode.Parse("130000")).ToString(), [AccessRoles.Operator], "operators");
            await registry.CreateAsync(operatorClient, secret, cancellationToken);
        }

        if (options.Value.DemoClients)
        {
            await scope.ServiceProvider.GetRequiredService<DemoClients>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
