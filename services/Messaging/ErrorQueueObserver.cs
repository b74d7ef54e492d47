using MassTransit;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Counts messages that exhausted their retries and go to the queue's <c>_error</c> queue, where they wait for a
/// person. MassTransit's own meter counts each failed attempt (<c>messaging.masstransit.consume.retries</c>, <c>.errors</c>)
/// but not how many messages were given up on, which is what an on-call engineer must act upon.
/// </summary>
internal sealed class ErrorQueueObserver : IRetryObserver
{
    public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        if (context.Context is ConsumeContext consume)
        {
            var queue = consume.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
            var messageType = typeof(T).IsGenericType ? typeof(T).GetGenericArguments()[0].Name : "unknown";
            MessagingTelemetry.MovedToErrorQueue.Add(1,
                new KeyValuePair<string, object?>("messaging.destination.name", queue),
                new KeyValuePair<string, object?>("messaging.message.type", messageType));
        }

        return Task.CompletedTask;
    }
}
