using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.Messaging;

public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds an event to the outbox of the service's database. It is saved by the same <c>SaveChanges</c> (and the
    /// same transaction) as the state change it describes, and published after that commits, never before.
    /// </summary>
    public static void AddToOutbox<TMessage>(this DbContext db, TMessage message, TimeProvider time) where TMessage : class
    {
        var current = Activity.Current;
        // The request or consumer that changes a petition is petition work: its span says which one, whatever the
        // endpoint. A background run (supervision's evaluation) covers many petitions, so its span names none.
        if (current?.Kind is ActivityKind.Server or ActivityKind.Consumer)
        {
            PetitionAttributes.TagFrom(current, message);
        }
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = ContractTypes.NameOf(typeof(TMessage)),
            Body = JsonSerializer.Serialize(message, Json),
            TraceParent = current?.Id,
            TraceState = current?.TraceStateString,
            CreatedAt = time.GetUtcNow(),
            Payload = message,
        });
    }
}
