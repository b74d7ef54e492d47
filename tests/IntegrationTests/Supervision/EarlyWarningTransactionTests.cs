using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// The early-warning consumer reads the county bureau's superiors from routing's directory over HTTP. That call must
/// not happen inside its database transaction: a slow directory would hold the transaction (and its advisory lock)
/// open. While each directory request is in flight, the probe asks PostgreSQL whether the consumer's transaction is open.
/// </summary>
[Collection("infrastructure")]
public sealed class EarlyWarningTransactionTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task The_directory_is_asked_before_the_consumer_s_transaction_opens()
    {
        await SharedTokens.StartAsync(infrastructure);
        await using var directory = await DirectoryWiring.StartDirectoryAsync(infrastructure);
        var database = await infrastructure.CreateDatabaseAsync("earlywarning");
        var probe = new OpenTransactionProbe(database);
        await using var supervision = new ServiceFactory<SupervisionDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:supervisiondb"] = database,
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("earlywarning"),
            ["Supervision:EvaluationInterval"] = "1.00:00:00",
        }, services => services.AddHttpClient<RoutingDirectory>()
            .ConfigurePrimaryHttpMessageHandler(() => directory.Server.CreateHandler())
            .AddHttpMessageHandler(() => probe).Services.AddSingleton(PetitionJourney.Clock()));
        await ServiceSet.Ready(supervision.CreateClient());

        var journey = PetitionJourney.Started(daysAgo: 1); // 35 people: a collective petition
        // To the early-warning queue only: no other consumer's inbox runs meanwhile, so any transaction the probe finds
        // idle after an inbox query is this consumer's.
        var queue = await supervision.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:supervision-early-warning"));
        await queue.Send(journey.Registered());

        await Eventually.HoldsAsync(
            () => supervision.InDatabaseAsync(db => db.Notices.CountAsync(n => n.PetitionId == journey.PetitionId && n.Stage == "collective-petition")),
            count => count == 1, because: "the collective petition raises its alert");
        Assert.True(probe.Requests > 0, "the directory was asked for the bureau's superiors");
        Assert.Equal(0, probe.OpenTransactionsSeen);
    }

    /// <summary>
    /// While each directory request is in flight, counts transactions of supervision's database left idle after an inbox
    /// query: the consumer's own, had it opened its transaction before asking the directory.
    /// </summary>
    private sealed class OpenTransactionProbe(string connectionString) : DelegatingHandler
    {
        private int _requests;
        private int _openTransactionsSeen;

        public int Requests => Volatile.Read(ref _requests);

        public int OpenTransactionsSeen => Volatile.Read(ref _openTransactionsSeen);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                """
                SELECT count(*)::int FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND state = 'idle in transaction' AND query LIKE '%inbox_messages%'
                """, connection);
            Interlocked.Add(ref _openTransactionsSeen, (int)(await command.ExecuteScalarAsync(cancellationToken))!);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
