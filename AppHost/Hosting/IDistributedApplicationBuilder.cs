using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting;

/// <summary>Declares the resources of a distributed application; <see cref="Build"/> makes it runnable.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's appsettings.json, environment variables and command-line arguments, in rising precedence.</summary>
    IConfiguration Configuration { get; }

    ILoggerFactory LoggerFactory { get; }

    /// <summary>Where PostgreSQL and RabbitMQ come from; local OS processes unless replaced before <see cref="Build"/>.</summary>
    IInfrastructureProvider InfrastructureProvider { get; set; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : Resource;

    DistributedApplication Build();
}
