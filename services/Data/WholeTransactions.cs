using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PetitionPlatform.Data;

/// <summary>
/// The transactions of the platform's hot paths (a consumed message, a registration, an outbox or delivery round, a
/// deadline batch) commit whole or not at all: a failed save abandons the transaction and the message, request or
/// round is tried again from the start. Inside a transaction EF Core wraps every SaveChanges in a savepoint so that a
/// caller may catch the failure and go on in the same transaction; none of these callers does, and the SAVEPOINT and
/// RELEASE cost two round trips a save (docs/performance.md, "What each change bought").
/// </summary>
public static class WholeTransactions
{
    /// <summary>Begins a transaction on the context without savepoints around its saves, for the rest of the context's life.</summary>
    public static Task<IDbContextTransaction> BeginWholeTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.AutoSavepointsEnabled = false;
        return database.BeginTransactionAsync(ct);
    }
}
