using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Data;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Follows outbox rows from <c>SaveChanges</c> to the commit of their transaction and then hands their events to the
/// service's <see cref="ICommittedEventObserver"/>s. Without an explicit transaction the save itself commits.
/// A transaction disposed without commit simply drops out of the weak table with what it held.
/// </summary>
public sealed partial class CommittedEvents : ISaveObserver
{
    private readonly ICommittedEventObserver[] _observers;
    private readonly ILogger<CommittedEvents> _logger;

    // Events of a save in progress, then of a transaction not yet committed.
    private readonly ConditionalWeakTable<DbContext, List<object>> _saving = [];
    private readonly ConditionalWeakTable<DbTransaction, List<object>> _awaitingCommit = [];

    public CommittedEvents(IEnumerable<ICommittedEventObserver> observers, ILogger<CommittedEvents> logger)
    {
        _observers = [.. observers];
        _logger = logger;
        Interceptors = [new SaveTracker(this), new CommitTracker(this)];
    }

    public IEnumerable<IInterceptor> Interceptors { get; }

    private void Saving(DbContext? context)
    {
        if (context is null || _observers.Length == 0)
        {
            return;
        }

        var events = context.ChangeTracker.Entries<OutboxMessage>()
            .Where(entry => entry.State == EntityState.Added && entry.Entity.Payload is not null)
            .Select(entry => entry.Entity.Payload!)
            .ToList();
        if (events.Count > 0)
        {
            _saving.AddOrUpdate(context, events);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var events))
        {
            return;
        }

        _saving.Remove(context);
        if (context.Database.CurrentTransaction is { } transaction)
        {
            _awaitingCommit.GetOrCreateValue(transaction.GetDbTransaction()).AddRange(events);
        }
        else
        {
            Publish(events);
        }
    }

    private void SaveFailed(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_awaitingCommit.TryGetValue(transaction, out var events))
        {
            _awaitingCommit.Remove(transaction);
            Publish(events);
        }
    }

    private void RolledBack(DbTransaction transaction) => _awaitingCommit.Remove(transaction);

    private void Publish(List<object> events)
    {
        foreach (var message in events)
        {
            foreach (var observer in _observers)
            {
                try
                {
                    observer.OnCommitted(message);
                }
                catch (Exception ex)
                {
                    // The change is committed; a broken instrument must not turn it into an error for the caller.
                    LogObserverFailed(_logger, observer.GetType().Name, message.GetType().Name, ex);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Observer} failed on a committed {MessageType}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string messageType, Exception exception);

    private sealed class SaveTracker(CommittedEvents events) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            events.Saving(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            events.Saving(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            events.Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            events.Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => events.SaveFailed(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            events.SaveFailed(eventData.Context);
            return Task.CompletedTask;
        }
    }

    private sealed class CommitTracker(CommittedEvents events) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            events.Committed(transaction);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            events.Committed(transaction);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            events.RolledBack(transaction);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            events.RolledBack(transaction);
            return Task.CompletedTask;
        }
    }
}
