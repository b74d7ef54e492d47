using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PetitionPlatform.Data;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Wakes the outbox dispatcher as soon as a change that added outbox rows is committed, so events leave within
/// milliseconds instead of waiting for the next poll. Polling stays as the safety net.
/// </summary>
public sealed class OutboxSignal : ISaveObserver, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    // Contexts that saved new outbox rows inside a transaction not yet committed.
    private readonly ConditionalWeakTable<DbContext, object> _awaitingCommit = [];

    public OutboxSignal() => Interceptors = [new AfterSave(this), new AfterCommit(this)];

    public IEnumerable<IInterceptor> Interceptors { get; }

    public void Notify()
    {
        // At most one pending wake-up: several commits during one dispatch round are served by the next round.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled in between; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();

    private sealed class AfterSave(OutboxSignal signal) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            {
                signal._awaitingCommit.AddOrUpdate(context, signal);
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            // Without an explicit transaction the rows are committed now; with one, the commit interceptor signals.
            if (eventData.Context is { Database.CurrentTransaction: null } context && signal._awaitingCommit.Remove(context))
            {
                signal.Notify();
            }

            return ValueTask.FromResult(result);
        }
    }

    private sealed class AfterCommit(OutboxSignal signal) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && signal._awaitingCommit.Remove(context))
            {
                signal.Notify();
            }

            return Task.CompletedTask;
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context)
            {
                signal._awaitingCommit.Remove(context);
            }

            return Task.CompletedTask;
        }
    }
}
