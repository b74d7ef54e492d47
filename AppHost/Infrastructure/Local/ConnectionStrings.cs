namespace PetitionPlatform.AppHost.Infrastructure.Local;

internal static class ConnectionStrings
{
    /// <summary>
    /// The resource's connection string once Aspire has allocated its ports, for health checks and set-up steps that run
    /// inside the AppHost; asking earlier is a mistake in this code, hence the exception.
    /// </summary>
    public static Func<string> ConnectionStringOf(this IDistributedApplicationBuilder builder, IResourceWithConnectionString resource)
    {
        string? value = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) => value = await resource.GetConnectionStringAsync(ct));
        return () => value ?? throw new InvalidOperationException($"The connection string of '{resource.Name}' is not known yet.");
    }
}
