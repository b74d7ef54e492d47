using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PetitionPlatform.Messaging;

/// <summary>Spans and instruments of the outbox and inbox, so an on-call engineer can see a stuck outbox.</summary>
public static class MessagingTelemetry
{
    public const string SourceName = "PetitionPlatform.Messaging";
    public const string MeterName = "PetitionPlatform.Messaging";

    internal static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter s_meter = new(MeterName);

    internal static readonly Counter<long> Published = s_meter.CreateCounter<long>(
        "petition.outbox.published", "{message}", "Outbox messages published to the broker and confirmed");

    internal static readonly Counter<long> PublishFailures = s_meter.CreateCounter<long>(
        "petition.outbox.publish_failures", "{attempt}", "Publish attempts that failed and will be retried");

    internal static readonly Histogram<double> Lag = s_meter.CreateHistogram<double>(
        "petition.outbox.lag", "s", "Time from commit of the state change to the broker's confirm");

    internal static readonly Counter<long> Duplicates = s_meter.CreateCounter<long>(
        "petition.inbox.duplicates", "{message}", "Redelivered messages recognised by the inbox and skipped");

    internal static readonly Counter<long> Redeliveries = s_meter.CreateCounter<long>(
        "petition.consumer.redeliveries", "{message}", "Messages that failed their quick retries and are held to be sent back after a delay");

    internal static readonly Counter<long> SetAside = s_meter.CreateCounter<long>(
        "petition.messages.set_aside_total", "{message}", "Messages set aside for an operator: outbox rows that cannot be published, consumed messages out of redeliveries");

    internal static readonly Counter<long> HoldRetries = s_meter.CreateCounter<long>(
        "petition.consumer.hold_retries", "{attempt}", "Attempts to hold a failed message made again because the database did not answer");

    internal static readonly Counter<long> MovedToErrorQueue = s_meter.CreateCounter<long>(
        "petition.consumer.error_queue", "{message}", "Messages that failed and could not even be held in the database, moved to the queue's _error queue");
}
