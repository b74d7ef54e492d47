using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Records duplicates (intake's <see cref="DuplicateSubmissionLinked"/>) for the original's ledger. Repeat petitions
/// arrive as a <see cref="PetitionRegistered"/> naming the original and are linked by the registration consumer
/// (<see cref="PetitionLinks.LinkRepeatAsync"/>), so each service keeps one queue per event. Runs behind the inbox.
/// </summary>
public sealed partial class PetitionLinksConsumer(SupervisionDbContext db, ILogger<PetitionLinksConsumer> logger)
    : IConsumer<DuplicateSubmissionLinked>
{
    public async Task Consume(ConsumeContext<DuplicateSubmissionLinked> context)
    {
        var message = context.Message;
        var added = await db.AddLinkAsync(new PetitionLink
        {
            PetitionId = message.PetitionId,
            Number = message.Number,
            OriginalPetitionId = message.OriginalPetitionId,
            Kind = PetitionLink.Duplicate,
            LinkedAt = message.OccurredAt,
        }, context.CancellationToken);
        if (added)
        {
            LogLinked(logger, message.PetitionId, message.OriginalPetitionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} linked as a duplicate of {OriginalPetitionId}")]
    private static partial void LogLinked(ILogger logger, Guid petitionId, Guid originalPetitionId);
}

/// <summary>The repeat half of the links, called from the registration consumer.</summary>
public static class PetitionLinks
{
    /// <summary>A registration that names an answered original is a repeat petition (重复信访): linked and so counted.</summary>
    public static Task<bool> LinkRepeatAsync(this SupervisionDbContext db, PetitionRegistered message, CancellationToken ct) =>
        message.RepeatOfPetitionId is { } original
            ? db.AddLinkAsync(new PetitionLink
            {
                PetitionId = message.PetitionId,
                Number = message.Number,
                OriginalPetitionId = original,
                Kind = PetitionLink.Repeat,
                LinkedAt = message.OccurredAt,
            }, ct)
            : Task.FromResult(false);
}
