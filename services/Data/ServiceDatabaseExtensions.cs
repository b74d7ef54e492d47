using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Connections one instance of a service may hold, unless its connection string says otherwise. Npgsql's default
    /// of 100 let seven services, each with a dozen consumers running at once, ask for more than the server's 300
    /// (max_connections as the AppHost starts it): under load it refused them all with "too many clients" and messages
    /// went to their redeliveries, where a bounded pool makes the surplus wait its turn (docs/performance.md). Twenty for
    /// each of seven services stays under it even with two instances of each (280).
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>
    /// Registers the service's own PostgreSQL database from <c>ConnectionStrings:{connectionName}</c>: the EF Core
    /// context (snake_case names, instants stored in UTC, every <see cref="ISaveObserver"/> watching its saves), a
    /// readiness health check, and the versioned SQL migrations embedded in the service's assembly, applied before the
    /// service starts taking requests or messages. Call it before <c>AddMessaging</c>, whose hosted services need the schema.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = Bounded(builder.Configuration.GetConnectionString(connectionName)
            ?? throw StartupFailureException.MissingConnectionString(connectionName));

        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCustomizer, UtcInstants>()
            .AddInterceptors(services.GetServices<ISaveObserver>().SelectMany(observer => observer.Interceptors)));

        // The outbox, the inbox and the migrator work with "the service's database" without knowing its type.
        builder.Services.AddScoped<DbContext>(services => services.GetRequiredService<TContext>());

        builder.Services.AddSingleton(new ServiceDatabase(connectionName));
        builder.Services.AddSingleton(new MigrationSource("service", typeof(TContext).Assembly));
        // Registered before messaging so that, hosted services starting in order, the schema exists before any
        // consumer or the outbox dispatcher touches it.
        builder.Services.AddHostedService<MigrationHostedService>();

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>The connection string with <see cref="DefaultMaxPoolSize"/> unless it names a pool size of its own.</summary>
    public static string Bounded(string connectionString)
    {
        // The plain builder keeps the keywords as written; Npgsql's would answer for every keyword it knows.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (s_poolSizeKeywords.Any(written.ContainsKey))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }

    private static readonly string[] s_poolSizeKeywords = ["Maximum Pool Size", "MaxPoolSize"];
}
