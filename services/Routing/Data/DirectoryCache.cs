using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Data;

/// <summary>
/// The directory as the routing rules read it, kept in memory and read again from the database at most once a
/// <see cref="FreshFor"/>. Reading its four tables for every decision cost four statements per petition, and a
/// province's directory holds tens of thousands of units (issue #14: no request reads a whole table). Only the seeder
/// writes the directory, when an instance of a new release starts, so an instance of the release before routes by
/// the directory it knew for up to a minute more, as it routes by its own rules until it is stopped.
/// </summary>
public sealed class DirectoryCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _current;

    /// <summary>The directory, read through <paramref name="db"/> if what is kept is older than <see cref="FreshFor"/>.</summary>
    public Task<OrgDirectory> GetAsync(RoutingDbContext db, CancellationToken ct) => GetAsync(db.LoadDirectoryAsync, ct);

    /// <summary>The rule itself, with the read passed in (so that it is tested without a database).</summary>
    public async Task<OrgDirectory> GetAsync(Func<CancellationToken, Task<OrgDirectory>> read, CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } kept)
        {
            return kept;
        }

        // One read at a time: the requests and messages that find it stale together wait for one read, not make one each.
        await _reading.WaitAsync(ct);
        try
        {
            if (Fresh(_current) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            var readAt = time.GetUtcNow();
            var directory = await read(ct);
            Volatile.Write(ref _current, new Snapshot(directory, readAt));
            return directory;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();

    private OrgDirectory? Fresh(Snapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < FreshFor ? snapshot.Directory : null;

    private sealed record Snapshot(OrgDirectory Directory, DateTimeOffset ReadAt);
}
