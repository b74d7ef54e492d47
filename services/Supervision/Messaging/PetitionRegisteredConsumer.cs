using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Records each registered petition, because the intake clock starts at registration, the progress view is found by
/// the query code's hash, and indicators group by channel, kind, topic and region. Runs behind the inbox: the rows
/// and the inbox entry commit together, so a redelivered event changes nothing.
/// </summary>
public sealed partial class PetitionRegisteredConsumer(SupervisionDbContext db, LedgerStore ledger, ILogger<PetitionRegisteredConsumer> logger)
    : IConsumer<PetitionRegistered>
{
    public async Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        // Intake republishes under the same message id (the inbox's job); the ledger also knows a copy under a new id,
        // and the petition's row and links were committed with the event the first time.
        if (!await ledger.RecordAsync(message, context.MessageId!.Value, context.CancellationToken))
        {
            LogAlreadyKnown(logger, message.PetitionId);
            return;
        }

        db.LedgerPetitions.Add(new LedgerPetition
        {
            PetitionId = message.PetitionId,
            Number = message.Number,
            Channel = message.Channel,
            Kind = message.Kind,
            Topic = message.Topic,
            RegionCode = message.RegionCode,
            ReceivedBy = message.ReceivedBy,
            Headcount = message.Headcount,
            RegisteredAt = message.OccurredAt,
            TrackingCodeHash = message.TrackingCodeHash,
        });
        await db.LinkRepeatAsync(message, context.CancellationToken);
        LogRegistered(logger, message.PetitionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger opened for petition {PetitionId}")]
    private static partial void LogRegistered(ILogger logger, Guid petitionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration of petition {PetitionId} was already in the ledger; skipped")]
    private static partial void LogAlreadyKnown(ILogger logger, Guid petitionId);
}
