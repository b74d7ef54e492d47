using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Records duplicates (from intake's <see cref="DuplicateSubmissionLinked"/>) and repeat petitions (a
/// <see cref="PetitionRegistered"/> naming the answered original) for the ledger and the repeat count. Its own queue, so
/// the ledger's registration consumer stays as it is. Runs behind the inbox; a link is recorded once per petition.
/// </summary>
public sealed partial class PetitionLinksConsumer(SupervisionDbContext db, ILogger<PetitionLinksConsumer> logger)
    : IConsumer<DuplicateSubmissionLinked>, IConsumer<PetitionRegistered>
{
    public async Task Consume(ConsumeContext<DuplicateSubmissionLinked> context)
    {
        var message = context.Message;
        await LinkAsync(message.PetitionId, message.Number, message.OriginalPetitionId, PetitionLink.Duplicate, message.OccurredAt, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        if (message.RepeatOfPetitionId is { } original)
        {
            await LinkAsync(message.PetitionId, message.Number, original, PetitionLink.Repeat, message.OccurredAt, context.CancellationToken);
        }
    }

    private async Task LinkAsync(Guid petitionId, string number, Guid originalId, string kind, DateTimeOffset at, CancellationToken ct)
    {
        var added = await db.AddLinkAsync(new PetitionLink
        {
            PetitionId = petitionId,
            Number = number,
            OriginalPetitionId = originalId,
            Kind = kind,
            LinkedAt = at.ToUniversalTime(),
        }, ct);
        if (added)
        {
            LogLinked(logger, petitionId, kind, originalId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} linked as {Kind} of {OriginalPetitionId}")]
    private static partial void LogLinked(ILogger logger, Guid petitionId, string kind, Guid originalPetitionId);
}
