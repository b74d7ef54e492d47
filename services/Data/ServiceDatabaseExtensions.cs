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
    /// Registers the service's own PostgreSQL database from <c>ConnectionStrings:{connectionName}</c>: the EF Core
    /// context (snake_case names, instants stored in UTC, every <see cref="ISaveObserver"/> watching its saves), a
    /// readiness health check, and the versioned SQL migrations embedded in the service's assembly, applied before the
    /// service starts taking requests or messages. Call it before <c>AddMessaging</c>, whose hosted services need the schema.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = WithPreparedStatements(builder.Configuration.GetConnectionString(connectionName)
            ?? throw StartupFailureException.MissingConnectionString(connectionName));

        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(Traced))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCustomizer, UtcInstants>()
            .AddInterceptors(services.GetServices<ISaveObserver>().SelectMany(observer => observer.Interceptors)));

        // The outbox, the inbox and the migrator work with "the service's database" without knowing its type.
        builder.Services.AddScoped<DbContext>(services => services.GetRequiredService<TContext>());

        builder.Services.AddSingleton(new ServiceDatabase(connectionName, connectionString));
        builder.Services.AddSingleton(new MigrationSource("service", typeof(TContext).Assembly));
        // Registered before messaging so that, hosted services starting in order, the schema exists before any
        // consumer or the outbox dispatcher touches it.
        builder.Services.AddHostedService<MigrationHostedService>();

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Every statement stays a span with its text and duration, which is where an on-call engineer sees what a slow
    /// message waited on. Npgsql's "first response" event on each is left out: the statements here return a few rows,
    /// so it marks the span's end again, and with close to half of a petition's spans being statements it was a record
    /// more to export and store per statement (docs/telemetry.md).
    /// </summary>
    private static void Traced(NpgsqlDataSourceBuilder dataSource) =>
        dataSource.ConfigureTracing(tracing => tracing.EnableFirstResponseEvent(false));

    /// <summary>
    /// How many of a connection's statements Npgsql keeps prepared on the server. A service runs a few dozen distinct
    /// statements, each thousands of times; unprepared, PostgreSQL parses and plans every one of them each time
    /// (docs/performance.md). A connection string that names its own setting keeps it.
    /// </summary>
    private const int PreparedStatementsPerConnection = 100;

    /// <summary>The connection string a service connects with: Npgsql prepares its repeated statements unless it says otherwise.</summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows, set or not; the text says what was given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PreparedStatementsPerConnection }.ConnectionString;
    }
}
