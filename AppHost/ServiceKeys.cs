namespace PetitionPlatform.AppHost;

/// <summary>
/// The keys that protect personal data. A run generates them at first start and keeps them in <c>.data/secrets/</c>, so
/// the stack <c>eng/run.sh</c> starts never uses the keys committed for tests; a published description declares them
/// as secret parameters the deployment supplies. The ring's section layout is the services' (<c>Section:Keys:id</c>).
/// </summary>
internal static class ServiceKeys
{
    // The id of the key a run generates; an operator rotates by adding a key with a new id and making it current.
    private const string LocalKeyId = "local1";

    /// <summary>Intake's keys for the petitioner's data at rest (<c>PersonalData</c>): an encryption key ring and the matching hash key.</summary>
    public static IResourceBuilder<ProjectResource> WithPersonalDataKeys(this IResourceBuilder<ProjectResource> service) =>
        service.WithKeyRing("PersonalData", "personal-data-key")
            .WithEnvironment("PersonalData__HashKey", service.ApplicationBuilder.KeyParameter("personal-data-hash-key"));

    /// <summary>The keys intake seals the query code with for notification (<c>ReceiptSealing</c>); both services get the same.</summary>
    public static IResourceBuilder<ProjectResource> WithReceiptSealingKeys(this IResourceBuilder<ProjectResource> service) =>
        service.WithKeyRing("ReceiptSealing", "receipt-sealing-key");

    /// <summary>
    /// The token service's secrets: the key ring that seals its signing keys, and the operators' first client secret
    /// (<c>.data/secrets/identity-operator-secret</c>). In Development it also seeds the demo clients and writes their
    /// secrets to <c>identity/clients.json</c> in the data directory.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithClientSecrets(this IResourceBuilder<ProjectResource> service)
    {
        var builder = service.ApplicationBuilder;
        service.WithKeyRing("SigningKeys", "signing-keys-key")
            .WithEnvironment("Identity__OperatorSecret", builder.ExecutionContext.IsRunMode
                ? builder.AddParameter("identity-operator-secret", AppHostData.Secret(builder, "identity-operator-secret"), secret: true)
                : builder.AddParameter("identity-operator-secret", secret: true));
        return builder.ExecutionContext.IsRunMode && builder.ServiceEnvironment() == "Development"
            ? service.WithEnvironment("Identity__DemoClients", "true")
                .WithEnvironment("Identity__ClientsFile", Path.Combine(AppHostData.Directory(builder), "identity", "clients.json"))
            : service;
    }

    private static IResourceBuilder<ProjectResource> WithKeyRing(this IResourceBuilder<ProjectResource> service, string section, string parameter) =>
        service.WithEnvironment($"{section}__CurrentKey", LocalKeyId)
            .WithEnvironment($"{section}__Keys__{LocalKeyId}", service.ApplicationBuilder.KeyParameter(parameter));

    /// <summary>One parameter per key, shared by every service that references it.</summary>
    private static IResourceBuilder<ParameterResource> KeyParameter(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == name) is { } known)
        {
            return builder.CreateResourceBuilder(known);
        }

        return builder.ExecutionContext.IsRunMode
            ? builder.AddParameter(name, AppHostData.Key(builder, name), secret: true)
            : builder.AddParameter(name, secret: true);
    }
}
