using Npgsql;

namespace PetitionPlatform.IntegrationTests.Data;

/// <summary>
/// What the services' databases say about petitions, cases and supervision's clocks, read the same way from the live
/// server and from a restored one: each table's row count and a digest of all its rows, so equal snapshots mean equal
/// contents, not only equal counts.
/// </summary>
internal sealed record FlowSnapshot(IReadOnlyDictionary<string, (long Rows, string Digest)> Tables)
{
    // database → tables that carry a petition's journey: intake's petitions, routing's requests, handling's record and
    // cases, supervision's ledger (its deadlines are the clocks) and the ledger's events.
    private static readonly (string Database, string Table)[] Journey =
    [
        ("intakedb", "petitions"),
        ("routingdb", "routing_requests"),
        ("handlingdb", "petitions"),
        ("handlingdb", "cases"),
        ("supervisiondb", "ledger_petitions"),
        ("supervisiondb", "ledger_events"),
    ];

    /// <param name="connect">The connection string of a service's database (<c>intakedb</c>, …) on the server read.</param>
    public static async Task<FlowSnapshot> ReadAsync(Func<string, string> connect)
    {
        var tables = new Dictionary<string, (long, string)>();
        foreach (var (database, table) in Journey)
        {
            var rows = await QueryAsync(connect(database),
                $"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t",
                reader => (reader.GetInt64(0), reader.GetString(1)));
            tables[$"{database}.{table}"] = rows.Single();
        }

        return new FlowSnapshot(tables);
    }

    public long Rows(string table) => Tables[table].Rows;

    public bool SameAs(FlowSnapshot other) => Tables.All(t => other.Tables[t.Key] == t.Value);

    public override string ToString() => string.Join(", ", Tables.Select(t => $"{t.Key}={t.Value.Rows}"));

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
