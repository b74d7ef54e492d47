namespace PetitionPlatform.Messaging;

/// <summary>
/// What a consumer needs from another service, fetched before the inbox opens the message's transaction: a call over
/// the network inside it would hold the transaction (its row locks, an advisory lock, a pooled connection) for as long
/// as the other service takes to answer, or to time out. Registered as a scoped service; the consumer of
/// <see cref="Queue"/> receives the same instance and reads what it prepared.
/// </summary>
public interface IConsumePreparation<in TMessage> where TMessage : class
{
    /// <summary>The receive queue whose consumer needs it (<c>{service}-{consumer}</c>); other queues of the same message skip it.</summary>
    string Queue { get; }

    /// <summary>Fetches and keeps what the consumer will read. A failure fails the delivery like the consumer's own would.</summary>
    Task PrepareAsync(TMessage message, CancellationToken cancellationToken);
}
