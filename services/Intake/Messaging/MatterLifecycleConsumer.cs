using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Repeats;

namespace PetitionPlatform.Intake.Messaging;

/// <summary>
/// Keeps intake's view of where each petition stands (<see cref="MatterState"/>): routed to whom, answered by whom,
/// reopened by a review request, terminated. One queue for the four events; each fact is applied by its own instant,
/// so the order of arrival does not matter and a second copy changes nothing. Runs behind the inbox. Two events applied
/// at once both read the row; the row version (xmin, see <see cref="IntakeDbContext"/>) fails the later save and
/// its retry applies the fact again on top of the other's, so neither is lost. Two first facts both add the row; the
/// primary key fails the later one the same way.
/// </summary>
public sealed partial class MatterLifecycleConsumer(IntakeDbContext db, ILogger<MatterLifecycleConsumer> logger)
    : IConsumer<PetitionRouted>, IConsumer<CaseAnswered>, IConsumer<ReviewRequested>, IConsumer<PetitionTerminated>
{
    public Task Consume(ConsumeContext<PetitionRouted> context) =>
        ApplyAsync(context.Message, state => state.Routed(context.Message.Attempt, context.Message.ResponsibleOrgId), context.CancellationToken);

    public Task Consume(ConsumeContext<CaseAnswered> context) =>
        ApplyAsync(context.Message, state => state.Answered(context.Message.OrgId, context.Message.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<ReviewRequested> context) =>
        ApplyAsync(context.Message, state => state.ReviewRequested(context.Message.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<PetitionTerminated> context) =>
        ApplyAsync(context.Message, state => state.Terminated(context.Message.Reason, context.Message.LastAnsweredByOrgId, context.Message.OccurredAt),
            context.CancellationToken);

    private async Task ApplyAsync(IPetitionEvent message, Action<MatterState> apply, CancellationToken ct)
    {
        // The petition and its state in one statement; the state is tracked, its row version guarding the save.
        var known = await db.Petitions.Where(p => p.Id == message.PetitionId)
            .Select(p => new { State = db.MatterStates.FirstOrDefault(s => s.PetitionId == p.Id) })
            .SingleOrDefaultAsync(ct);
        if (known is null)
        {
            // Every petition starts at intake, so this is another deployment's event on a shared broker, or test data.
            LogUnknownPetition(logger, message.GetType().Name, message.PetitionId);
            return;
        }

        var state = known.State;
        if (state is null)
        {
            state = new MatterState { PetitionId = message.PetitionId };
            db.MatterStates.Add(state);
        }

        apply(state);
        LogApplied(logger, message.GetType().Name, message.PetitionId, state.Stage);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} applied to petition {PetitionId}, now {Stage}")]
    private static partial void LogApplied(ILogger logger, string @event, Guid petitionId, MatterStage stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} names petition {PetitionId}, which intake never registered; ignored")]
    private static partial void LogUnknownPetition(ILogger logger, string @event, Guid petitionId);
}
