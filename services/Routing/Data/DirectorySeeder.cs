using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Routing.Data.Seed;

namespace PetitionPlatform.Routing.Data;

/// <summary>
/// Brings the directory tables in line with the shipped seed at every start (insert what is missing, update names
/// and links that changed; nothing is deleted, because decisions keep naming units). Runs in StartAsync, after the
/// migrations and before the bus and the web server, so no request or message ever sees an empty directory.
/// </summary>
internal sealed partial class DirectorySeeder(IServiceScopeFactory scopes, ILogger<DirectorySeeder> logger) : IHostedService
{
    // Two instances starting together take turns; any constant will do.
    private const long LockKey = 0x524F_5554_494E_4721;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = DirectorySeed.Load();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

        // Unit kinds before units, and each region saved before its children, for the foreign keys.
        var added = await SyncAsync(db, db.Regions, seed.ToRegions().OrderBy(r => r.Code.Length), r => r.Code, (stored, fresh) =>
        {
            (stored.Name, stored.Level, stored.ParentCode) = (fresh.Name, fresh.Level, fresh.ParentCode);
        }, saveEach: true, cancellationToken);
        added += await SyncAsync(db, db.UnitKinds, seed.ToUnitKinds(), u => u.Unit, (stored, fresh) => stored.Name = fresh.Name,
            saveEach: false, cancellationToken);
        added += await SyncAsync(db, db.Organizations, seed.ToOrganizations(), o => o.Id, (stored, fresh) =>
        {
            (stored.Name, stored.RegionCode, stored.Level, stored.Unit, stored.ParentId) =
                (fresh.Name, fresh.RegionCode, fresh.Level, fresh.Unit, fresh.ParentId);
        }, saveEach: false, cancellationToken);
        added += await SyncAsync(db, db.ClassificationEntries, seed.ToClassification(), t => t.Topic, (stored, fresh) =>
        {
            (stored.Name, stored.Kind, stored.Unit, stored.FallbackUnit, stored.UnitFromSubtopic, stored.Note) =
                (fresh.Name, fresh.Kind, fresh.Unit, fresh.FallbackUnit, fresh.UnitFromSubtopic, fresh.Note);
        }, saveEach: false, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<int> SyncAsync<T>(
        RoutingDbContext db, DbSet<T> set, IEnumerable<T> seeded, Func<T, string> key, Action<T, T> update, bool saveEach,
        CancellationToken cancellationToken) where T : class
    {
        var stored = (await set.ToListAsync(cancellationToken)).ToDictionary(key, StringComparer.Ordinal);
        var added = 0;
        foreach (var fresh in seeded)
        {
            if (stored.TryGetValue(key(fresh), out var existing))
            {
                update(existing, fresh);
            }
            else
            {
                set.Add(fresh);
                added++;
            }

            if (saveEach)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory is in line with the seed ({Added} rows added now)")]
    private static partial void LogSeeded(ILogger logger, int added);
}
