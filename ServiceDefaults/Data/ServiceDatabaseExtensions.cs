using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PetitionPlatform.ServiceDefaults.Messaging;
using PetitionPlatform.ServiceDefaults.Startup;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.ServiceDefaults.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers the service's own PostgreSQL database from <c>ConnectionStrings:{connectionName}</c>: the EF Core
    /// context, a readiness health check, and the versioned SQL migrations embedded in the service's assembly (plus
    /// the platform's outbox and inbox tables), applied before the service starts taking requests or messages.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw StartupFailureException.MissingConnectionString(connectionName);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<CommittedEvents>();
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxSignal>().Interceptors)
            .AddInterceptors(services.GetRequiredService<CommittedEvents>().Interceptors));

        // The outbox, the inbox and the migrator work with "the service's database" without knowing its type.
        builder.Services.AddScoped<DbContext>(services => services.GetRequiredService<TContext>());

        builder.Services.AddSingleton(new MigrationSource(connectionName, typeof(TContext).Assembly));
        // Registered before messaging so that, hosted services starting in order, the schema exists before any
        // consumer or the outbox dispatcher touches it.
        builder.Services.AddHostedService<MigrationHostedService>();

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        return builder;
    }
}
