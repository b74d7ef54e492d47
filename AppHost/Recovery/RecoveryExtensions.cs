using Microsoft.Extensions.DependencyInjection;

namespace PetitionPlatform.AppHost.Recovery;

public static class RecoveryExtensions
{
    /// <summary>
    /// What brings a dead resource back: the restart policy (<see cref="RestartPolicy"/>, which leaves what the operator
    /// stopped alone, <see cref="StopRequests"/>), and starts that wait for the previous run's end to be published
    /// (<see cref="PublishedEnds"/>). In run mode only: a published description leaves restarts to its platform.
    /// </summary>
    public static IDistributedApplicationBuilder AddRecovery(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        builder.Services.AddSingleton<StopRequests>();
        builder.Services.AddSingleton<PublishedEnds>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PublishedEnds>());
        builder.Services.AddHostedService<RestartPolicy>();
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(async (@event, cancellationToken) =>
        {
            @event.Services.GetRequiredService<StopRequests>().Watch(@event.Resource);
            await @event.Services.GetRequiredService<PublishedEnds>().EndedAsync(@event.Resource.Name, cancellationToken);
        });
        return builder;
    }
}
