namespace PetitionPlatform.Messaging;

/// <summary>
/// Hears each event a service committed to its outbox, once the transaction that holds it has committed. Business
/// metrics count these facts rather than attempts, so a rolled-back change or a retried consumer is never counted.
/// Called on the committing thread: implementations must be quick and must not throw.
/// </summary>
public interface ICommittedEventObserver
{
    void OnCommitted(object message);
}
