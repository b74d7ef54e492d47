using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Messaging;

/// <summary>
/// A unit said the matter is not its own: route it to the next candidate, or ask the common superior to decide
/// (RoutingDecisionRequired). Only a decline by the unit currently responsible counts; a late or repeated one is
/// ignored, which also makes the effect idempotent beyond the inbox.
/// </summary>
public sealed partial class CaseDeclinedConsumer(
    RoutingDbContext db, DirectoryCache directories, TimeProvider time, AuditTrail audit, IOptions<DisputeOptions> disputes,
    ILogger<CaseDeclinedConsumer> logger)
    : IConsumer<CaseDeclined>
{
    public async Task Consume(ConsumeContext<CaseDeclined> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        // Unknown here means the registration has not arrived yet: failing lets the retries wait for it.
        var request = await db.RoutingRequests.SingleOrDefaultAsync(r => r.PetitionId == message.PetitionId, ct)
            ?? throw new InvalidOperationException($"Petition {message.PetitionId} was declined before routing knew it.");
        var history = await db.HistoryAsync(message.PetitionId, ct);
        var latest = history[^1];
        if (latest.ResponsibleOrgId != message.OrgId || request.AwaitingDecisionBy is not null || latest.Mode == RoutingModes.GuideToLegal)
        {
            LogStale(logger, message.PetitionId, message.OrgId, latest.ResponsibleOrgId);
            return;
        }

        var directory = await directories.GetAsync(db, ct);
        var tried = history.Select(d => d.ResponsibleOrgId).ToHashSet(StringComparer.Ordinal);
        var outcome = DeclineRules.Next(
            directory, request.Facts, latest.ToRoute(directory), tried, history.Count, message.OrgId, message.Reason, message.SuggestedOrgId);
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case DeclineOutcome.Rerouted rerouted:
                // The bureau that routed it last acts again on the decline; the path records who had it.
                db.Record(request, latest.Attempt + 1, rerouted.Plan, latest.DecidedBy, now, time, audit);
                LogRerouted(logger, message.PetitionId, message.OrgId, rerouted.Plan.Responsible.Id);
                break;
            case DeclineOutcome.DecisionRequired required:
                request.AwaitingDecisionBy = required.DeciderOrgId;
                request.AwaitingReason = required.Reason;
                request.AwaitingSince = now;
                // Stored in UTC, as Npgsql requires; the event carries it so that supervision watches it as a clock.
                request.DecideBy = StatutoryCalendar.China.DueBy(now, disputes.Value.DisputeDecisionPeriod);
                db.AddToOutbox(new RoutingDecisionRequired(
                    message.PetitionId, message.OrgId, required.DeciderOrgId, required.Reason, latest.Confidential, now,
                    request.DecideBy.Value.ToOffset(StatutoryCalendar.ChinaOffset)), time);
                LogAwaiting(logger, message.PetitionId, required.DeciderOrgId, request.DecideBy.Value);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} declined by {OrgId}, now with {ResponsibleOrgId}")]
    private static partial void LogRerouted(ILogger logger, Guid petitionId, string orgId, string responsibleOrgId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} has no candidate left; {DeciderOrgId} must decide by {DecideBy}")]
    private static partial void LogAwaiting(ILogger logger, Guid petitionId, string deciderOrgId, DateTimeOffset decideBy);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Decline of petition {PetitionId} by {OrgId} ignored: the matter is with {ResponsibleOrgId} or awaits a decision")]
    private static partial void LogStale(ILogger logger, Guid petitionId, string orgId, string responsibleOrgId);
}
