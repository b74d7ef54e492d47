using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PetitionPlatform.Data;

/// <summary>
/// Makes work on one thing take turns across transactions and instances: where two deliveries would each read a set
/// of rows and add to it (no one row to carry a concurrency token, no constraint that sees the whole set), the second
/// waits for the first to commit and then reads what it wrote.
/// </summary>
public static class TransactionLocks
{
    /// <summary>
    /// Waits for the PostgreSQL advisory lock named <paramref name="key"/> and holds it until the current transaction
    /// ends. Outside a transaction it would be released at once, so callers run inside one (the inbox's, for consumers).
    /// </summary>
    public static Task TakeTransactionLockAsync(this DatabaseFacade database, string key, CancellationToken ct) =>
        database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
}
