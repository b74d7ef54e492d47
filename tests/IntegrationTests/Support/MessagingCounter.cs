using System.Diagnostics.Metrics;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// Counts the inbox's duplicate instrument: how a test knows that a repeated message id arrived and was skipped,
/// rather than merely not arrived yet.
/// </summary>
internal sealed class DuplicateCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _count;

    public DuplicateCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingTelemetry.MeterName && instrument.Name == "petition.inbox.duplicates")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, (int)value));
        _listener.Start();
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
