using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Data;

/// <summary>Turns the lifecycle contracts into ledger rows and back; the contract's name says how to read a row.</summary>
public static class LedgerEventCodec
{
    private static readonly Dictionary<string, Type> Contracts = LifecycleEvents.Order.Keys.ToDictionary(type => type.Name, StringComparer.Ordinal);

    public static LedgerEvent Encode(IPetitionEvent @event, Guid messageId, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType().Name;
        if (!Contracts.ContainsKey(type))
        {
            throw new ArgumentException($"{type} is not a lifecycle event the ledger keeps.", nameof(@event));
        }

        var body = JsonSerializer.Serialize(@event, @event.GetType(), JsonSerializerOptions.Web);
        return new LedgerEvent
        {
            MessageId = messageId,
            PetitionId = @event.PetitionId,
            Type = type,
            OccurredAt = @event.OccurredAt,
            Body = body,
            Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}\n{body}"))),
            RecordedAt = recordedAt,
        };
    }

    public static IPetitionEvent Decode(LedgerEvent row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var type = Contracts.GetValueOrDefault(row.Type)
            ?? throw new InvalidOperationException($"Ledger event {row.MessageId} has the unknown type {row.Type}.");
        return (IPetitionEvent)(JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Ledger event {row.MessageId} has an empty body."));
    }
}
