using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Handling.Workflow;

/// <summary>
/// Carries out the units' and the petitioner's actions on a case: load it, let <see cref="Case"/> decide, and save the new
/// state with its event and its audit entry in the outbox in one SaveChanges (one transaction). The row version makes the second of two
/// simultaneous transitions fail instead of overwriting the first.
/// </summary>
public sealed partial class CaseWorkflow(HandlingDbContext db, TimeProvider time, AuditTrail audit, ILogger<CaseWorkflow> logger)
{
    public Task<CaseCommandResult> AcceptAsync(Guid caseId, string by, CancellationToken ct) => ApplyAsync(caseId, AuditActions.CaseAccepted,
        (c, now) => c.Accept(by, now),
        (c, _) => db.AddToOutbox(new CaseAccepted(
            c.PetitionId, c.Id, c.OrgId, c.Stage, by, c.HandlingDueBy!.Value, c.Confidential, c.AcceptedAt!.Value), time),
        validate: null, ct);

    public Task<CaseCommandResult> DeclineAsync(Guid caseId, string reason, string? legalBasis, string? suggestedOrgId, CancellationToken ct) =>
        ApplyAsync(caseId, AuditActions.CaseDeclined,
            (c, now) => c.Decline(reason, legalBasis, suggestedOrgId, now),
            (c, _) => db.AddToOutbox(new CaseDeclined(
                c.PetitionId, c.Id, c.OrgId, c.Stage, reason, legalBasis, suggestedOrgId, c.Confidential, c.DeclinedAt!.Value), time),
            validate: c => suggestedOrgId == c.OrgId
                ? Error("suggestedOrgId", "Name another unit: the declining unit cannot suggest itself.")
                : null,
            ct);

    public Task<CaseCommandResult> AddCoHandlersAsync(Guid caseId, IReadOnlyList<string> orgIds, CancellationToken ct)
    {
        IReadOnlyList<string> added = [];
        return ApplyAsync(caseId, AuditActions.CoHandlersAdded,
            (c, _) => c.AddCoHandlers(orgIds, out added),
            (c, now) =>
            {
                // Units that already co-handle are not announced again: the request is repeatable without a second event.
                if (added.Count > 0)
                {
                    db.AddToOutbox(new CoHandlersAdded(c.PetitionId, c.Id, c.OrgId, added, now), time);
                }
            },
            validate: c => orgIds.Contains(c.OrgId)
                ? Error($"orgIds[{orgIds.ToList().IndexOf(c.OrgId)}]", "The case's own unit leads it and cannot also be a co-handler.")
                : null,
            ct);
    }

    /// <summary>
    /// A co-handling unit (or the lead) adds its findings. A unit outside the case is told so before anything about the
    /// case's status, and changes nothing.
    /// </summary>
    public async Task<CaseCommandResult> AddFindingsAsync(Guid caseId, string orgId, string findings, CancellationToken ct)
    {
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return new CaseCommandResult.NotFound();
        }

        if (!found.IsHandledBy(orgId))
        {
            LogNotParticipant(logger, orgId, found.Id);
            return new CaseCommandResult.NotParticipant(orgId);
        }

        return await ApplyToAsync(found, AuditActions.FindingsAdded,
            (c, now) => c.AddFindings(orgId, findings, now),
            (c, now) => db.AddToOutbox(new CaseFindingsAdded(
                c.PetitionId, c.Id, c.OrgId, orgId, c.Stage, c.Findings.Count, c.Confidential, now), time),
            validate: null, ct);
    }

    /// <summary>
    /// The reviewing unit records a hearing (听证). Another unit is told so (403) before anything about the case's state;
    /// days that cannot be (before the case opened, after today in China) are field errors; what the case or the law does
    /// not allow (an original case, an answered one, an overlap) is the aggregate's refusal.
    /// </summary>
    public async Task<CaseCommandResult> RecordHearingAsync(Guid caseId, string orgId, DateOnly startedOn, DateOnly endedOn, CancellationToken ct)
    {
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return new CaseCommandResult.NotFound();
        }

        if (found.OrgId != orgId)
        {
            LogNotCaseUnit(logger, orgId, found.Id);
            return new CaseCommandResult.NotCaseUnit(orgId);
        }

        var today = StatutoryCalendar.DayOf(time.GetUtcNow());
        return await ApplyToAsync(found, AuditActions.HearingRecorded,
            (c, now) => c.RecordHearing(orgId, startedOn, endedOn, now),
            (c, now) => db.AddToOutbox(new CaseHearingRecorded(
                c.PetitionId, c.Id, c.OrgId, c.Stage, startedOn, endedOn, c.HandlingDueBy!.Value, c.Confidential, now), time),
            validate: c => HearingDateErrors(c, startedOn, endedOn, today),
            ct);
    }

    private static Dictionary<string, string[]>? HearingDateErrors(Case c, DateOnly startedOn, DateOnly endedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var opened = StatutoryCalendar.DayOf(c.OpenedAt);
        if (startedOn < opened)
        {
            errors["startedOn"] = [$"A hearing of this case cannot start before the case opened on {opened:yyyy-MM-dd}."];
        }

        // A hearing is recorded once it has taken place: only then is its length known.
        if (startedOn > today)
        {
            errors["startedOn"] = [$"The hearing must have taken place: {startedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd} in China)."];
        }

        if (endedOn > today)
        {
            errors["endedOn"] = [$"The hearing must have taken place: {endedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd} in China)."];
        }

        return errors.Count > 0 ? errors : null;
    }

    public Task<CaseCommandResult> ExtendAsync(Guid caseId, int days, string reason, string approvedBy, CancellationToken ct) =>
        ApplyAsync(caseId, AuditActions.CaseExtended,
            (c, now) => c.Extend(days, reason, approvedBy, now),
            (c, _) => db.AddToOutbox(new CaseExtended(
                c.PetitionId, c.Id, c.OrgId, days, reason, approvedBy, c.HandlingDueBy!.Value, c.ExtendedAt!.Value), time),
            validate: null, ct);

    /// <summary>
    /// The written answer. A re-review answer is final (art. 36): the matter is terminated in the same transaction, and
    /// PetitionTerminated tells the other services that the same facts are not accepted again.
    /// </summary>
    public async Task<CaseCommandResult> AnswerAsync(Guid caseId, string outcome, string opinion, string legalBasis, CancellationToken ct)
    {
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return new CaseCommandResult.NotFound();
        }

        var alreadyTerminated = await db.Terminations.AnyAsync(t => t.PetitionId == found.PetitionId, ct);
        return await ApplyToAsync(found, AuditActions.CaseAnswered,
            (c, now) => c.Answer(outcome, opinion, legalBasis, now),
            (c, _) =>
            {
                db.AddToOutbox(new CaseAnswered(
                    c.PetitionId, c.Id, c.OrgId, c.Stage, outcome, opinion, legalBasis, c.ReviewDueBy!.Value, c.Confidential,
                    c.AnsweredAt!.Value), time);
                if (c.Stage == CaseStages.ReReview && !alreadyTerminated)
                {
                    TerminateAfterReReview(c);
                }
            },
            validate: null, ct);
    }

    private void TerminateAfterReReview(Case answered)
    {
        var at = answered.AnsweredAt!.Value;
        db.Terminations.Add(new Termination
        {
            PetitionId = answered.PetitionId,
            OrgId = answered.OrgId,
            Reason = TerminationReasons.ReReviewAnswered,
            TerminatedAt = at,
        });
        db.AddToOutbox(new PetitionTerminated(
            answered.PetitionId, answered.OrgId, TerminationReasons.ReReviewAnswered, answered.OrgId, null, at), time);
        LogTerminated(logger, answered.PetitionId, answered.Id);
    }

    /// <summary>
    /// The petitioner rates the answer. Whether the case is unknown or the code does not match, the answer is the same 403:
    /// someone guessing ids learns nothing about which cases exist.
    /// </summary>
    public async Task<CaseCommandResult> EvaluateAsync(Guid caseId, string trackingCode, string rating, CancellationToken ct)
    {
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        var storedHash = found is null
            ? null
            : await db.KnownPetitions.Where(p => p.PetitionId == found.PetitionId).Select(p => p.TrackingCodeHash).SingleOrDefaultAsync(ct);
        if (found is null || storedHash is null || !SameHash(storedHash, TrackingCodes.Hash(trackingCode)))
        {
            return new CaseCommandResult.Forbidden();
        }

        return await ApplyToAsync(found, AuditActions.CaseEvaluated,
            (c, now) => c.Evaluate(rating, now),
            (c, _) => db.AddToOutbox(new CaseEvaluated(c.PetitionId, c.Id, c.OrgId, c.Stage, rating, c.EvaluatedAt!.Value), time),
            validate: null, ct);
    }

    private async Task<CaseCommandResult> ApplyAsync(
        Guid caseId,
        string action,
        Func<Case, DateTimeOffset, CaseTransition> transition,
        Action<Case, DateTimeOffset> publish,
        Func<Case, Dictionary<string, string[]>?>? validate,
        CancellationToken ct)
    {
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        return found is null
            ? new CaseCommandResult.NotFound()
            : await ApplyToAsync(found, action, transition, publish, validate, ct);
    }

    private async Task<CaseCommandResult> ApplyToAsync(
        Case found,
        string action,
        Func<Case, DateTimeOffset, CaseTransition> transition,
        Action<Case, DateTimeOffset> publish,
        Func<Case, Dictionary<string, string[]>?>? validate,
        CancellationToken ct)
    {
        if (validate?.Invoke(found) is { } errors)
        {
            return new CaseCommandResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var outcome = transition(found, now);
        if (!outcome.IsAllowed)
        {
            return new CaseCommandResult.Refused(outcome.Refusal!);
        }

        publish(found, now);
        audit.Record(action, found.PetitionId, found.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogConcurrentChange(logger, found.Id);
            return new CaseCommandResult.Refused(
                "Another change to this case was saved at the same moment; reload the case and decide again.");
        }

        return new CaseCommandResult.Done(found);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} is terminated: re-review case {CaseId} was answered")]
    private static partial void LogTerminated(ILogger logger, Guid petitionId, Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {OrgId} tried to add findings to case {CaseId}, which it neither leads nor co-handles")]
    private static partial void LogNotParticipant(ILogger logger, string orgId, Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {OrgId} tried to record a hearing on case {CaseId}, which is not its case")]
    private static partial void LogNotCaseUnit(ILogger logger, string orgId, Guid caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} was changed by a simultaneous request; this change was refused")]
    private static partial void LogConcurrentChange(ILogger logger, Guid caseId);

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    /// <summary>Constant-time comparison, so response timing does not leak how much of a guessed code's hash matched.</summary>
    internal static bool SameHash(string stored, string offered) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(offered));
}
