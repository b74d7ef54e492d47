using System.Diagnostics.Metrics;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// Counts one of the messaging instruments: how a test knows that something happened (a repeated message id arrived
/// and was skipped, a hold was tried again), rather than merely not yet.
/// </summary>
internal sealed class MessagingCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _count;

    public MessagingCounter(string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == MessagingTelemetry.MeterName && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, (int)value));
        _listener.Start();
    }

    /// <summary>The inbox's skipped duplicates.</summary>
    public static MessagingCounter Duplicates() => new("petition.inbox.duplicates");

    /// <summary>The hold's attempts made again while the database did not answer.</summary>
    public static MessagingCounter HoldRetries() => new("petition.consumer.hold_retries");

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
