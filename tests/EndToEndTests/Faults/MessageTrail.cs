using Npgsql;

namespace PetitionPlatform.EndToEndTests.Faults;

/// <summary>
/// Where one petition's messages stand in every service's database: what each consumer processed (the inbox), what
/// waits to be sent again (held), and how much each outbox has still to send. The logs say what a service did; this
/// says what it has not done yet, which is what a check that timed out needs.
/// </summary>
internal static class MessageTrail
{
    public static async Task<List<string>> OfAsync(PlatformFixture platform, string petitionId)
    {
        var lines = new List<string>();
        foreach (var database in platform.Databases())
        {
            try
            {
                await using var connection = new NpgsqlConnection(await database.GetConnectionStringAsync());
                await connection.OpenAsync();
                await AddAsync(lines, connection, $"{database.Name} processed",
                    "SELECT consumer || ' ' || message_type || ' at ' || processed_at FROM inbox_messages WHERE petition_id = $1 ORDER BY processed_at", Guid.Parse(petitionId));
                await AddAsync(lines, connection, $"{database.Name} holds",
                    "SELECT consumer || ' ' || message_type || ' redeliveries ' || redeliveries || ' release ' || coalesce(release_at::text, 'set aside') || ': ' || left(last_error, 200) FROM held_messages WHERE petition_id = $1", Guid.Parse(petitionId));
                await AddAsync(lines, connection, $"{database.Name} outbox",
                    "SELECT count(*) || ' unsent, oldest ' || coalesce(min(created_at)::text, '-') FROM outbox_messages WHERE sent_at IS NULL AND set_aside_at IS NULL", null);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // A database without the messaging tables (identity's), or one that cannot be read now.
                lines.Add($"{database.Name}: {e.Message}");
            }
        }

        return lines;
    }

    private static async Task AddAsync(List<string> lines, NpgsqlConnection connection, string heading, string sql, Guid? petitionId)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (petitionId is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = id });
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add($"{heading}: {reader.GetString(0)}");
        }
    }
}
