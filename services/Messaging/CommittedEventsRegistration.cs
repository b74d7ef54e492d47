using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PetitionPlatform.Messaging;

public static class CommittedEventsRegistration
{
    /// <summary>Lets <typeparamref name="TObserver"/> (a service's business metrics) hear every committed event.</summary>
    public static IServiceCollection AddCommittedEventObserver<TObserver>(this IServiceCollection services)
        where TObserver : class, ICommittedEventObserver
    {
        services.TryAddSingleton<TObserver>();
        services.AddSingleton<ICommittedEventObserver>(provider => provider.GetRequiredService<TObserver>());
        return services;
    }
}
