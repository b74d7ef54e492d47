using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Identity.Clients;
using PetitionPlatform.Identity.Signing;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Identity;

/// <summary>
/// Before the token endpoint opens (after the migrations): a signing key exists, the operators' own client exists
/// when its secret is configured, and in Development the demo clients are in place.
/// </summary>
internal sealed partial class IdentityStartup(
    IServiceScopeFactory scopes, IOptions<IdentityOptions> options, ILogger<IdentityStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<SigningKeyStore>().EnsureAsync(cancellationToken) is { } key)
        {
            LogKeyMade(logger, key.Id, key.NotBefore, key.NotAfter);
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} made, valid {NotBefore} to {NotAfter}")]
    private static partial void LogKeyMade(ILogger logger, string keyId, DateTimeOffset notBefore, DateTimeOffset notAfter);
}
