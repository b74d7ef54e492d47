using System.Diagnostics.Metrics;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Notification.Telemetry;

/// <summary>Notification's business instruments (meter <c>PetitionPlatform.Notification</c>), counted from committed events.</summary>
public sealed class NotificationMetrics : ICommittedEventObserver
{
    public const string MeterName = "PetitionPlatform.Notification";

    private readonly Counter<long> _sent;

    public NotificationMetrics(IMeterFactory meters)
    {
        _sent = meters.Create(MeterName).CreateCounter<long>("petition.notifications.sent", "{notification}",
            "Messages delivered, by template, channel and whether the recipient is a unit or the petitioner");
    }

    public void OnCommitted(object message)
    {
        if (message is NotificationSent sent)
        {
            _sent.Add(1,
                new KeyValuePair<string, object?>("template", sent.Template),
                new KeyValuePair<string, object?>("channel", sent.Channel),
                new KeyValuePair<string, object?>("recipient", sent.RecipientOrgId is null ? "petitioner" : "unit"));
        }
    }
}
