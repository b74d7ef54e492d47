using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>
/// Reads the repeat mark from the registrations the ledger keeps (the stored PetitionRegistered as JSON). The mark is
/// read by name from the stored body, so registrations that do not carry it yet simply count as first petitions.
/// </summary>
public sealed class LedgerRepeatRegister(SupervisionDbContext db) : IRepeatRegister
{
    public async Task<IReadOnlyDictionary<Guid, Guid>> RepeatsOfAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var links = await QueryAsync(
            """
            SELECT petition_id, (body ->> 'repeatOfPetitionId')::uuid FROM ledger_events
            WHERE type = 'PetitionRegistered' AND body ? 'repeatOfPetitionId' AND body ->> 'repeatOfPetitionId' IS NOT NULL
              AND petition_id = ANY(@ids)
            """, petitionIds, ct);
        var repeats = new Dictionary<Guid, Guid>();
        foreach (var (petition, earlier) in links)
        {
            repeats.TryAdd(petition, earlier);
        }

        return repeats;
    }

    public async Task<IReadOnlySet<Guid>> RepeatedAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var links = await QueryAsync(
            """
            SELECT petition_id, (body ->> 'repeatOfPetitionId')::uuid FROM ledger_events
            WHERE type = 'PetitionRegistered' AND body ? 'repeatOfPetitionId'
              AND body ->> 'repeatOfPetitionId' = ANY(@ids)
            """, petitionIds.Select(id => id.ToString()).ToArray(), ct);
        return links.Select(l => l.Earlier).ToHashSet();
    }

    private async Task<List<(Guid Petition, Guid Earlier)>> QueryAsync<T>(string sql, IReadOnlyCollection<T> ids, CancellationToken ct)
    {
        var links = new List<(Guid, Guid)>();
        if (ids.Count == 0)
        {
            return links;
        }

        // The JSON path is not part of the EF model, so the query is plain SQL on the context's own connection.
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "ids";
            parameter.Value = ids.ToArray();
            command.Parameters.Add(parameter);
            await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                links.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return links;
    }
}
