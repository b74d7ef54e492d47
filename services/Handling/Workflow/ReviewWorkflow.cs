using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Client;

namespace PetitionPlatform.Handling.Workflow;

/// <summary>
/// The petitioner contests an answer (复查, then 复核): after the proof with the query code and the rules of
/// <see cref="Case.CheckReviewRequest"/>, the unit one level above the answering unit is looked up in routing's
/// directory and a case is opened there. The contested case, the new case and ReviewRequested are saved together.
/// </summary>
public sealed partial class ReviewWorkflow(
    HandlingDbContext db, RoutingDirectory directory, TimeProvider time, AuditTrail audit, ILogger<ReviewWorkflow> logger)
{
    public async Task<CaseCommandResult> RequestReviewAsync(Guid caseId, string trackingCode, string reason, CancellationToken ct)
    {
        var contested = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        var storedHash = contested is null
            ? null
            : await db.KnownPetitions.Where(p => p.PetitionId == contested.PetitionId).Select(p => p.TrackingCodeHash).SingleOrDefaultAsync(ct);
        if (contested is null || storedHash is null || !CaseWorkflow.SameHash(storedHash, TrackingCodes.Hash(trackingCode)))
        {
            // As for evaluation: an unknown case and a wrong code get the same answer.
            return new CaseCommandResult.Forbidden();
        }

        if (await db.Terminations.AsNoTracking().SingleOrDefaultAsync(t => t.PetitionId == contested.PetitionId, ct) is { } termination)
        {
            return new CaseCommandResult.Refused(termination.Refusal);
        }

        var now = time.GetUtcNow();
        var check = contested.CheckReviewRequest(now);
        if (!check.IsAllowed)
        {
            return new CaseCommandResult.Refused(check.Refusal!);
        }

        DirectoryOrganization? answeringUnit;
        try
        {
            answeringUnit = await directory.FindOrganizationAsync(contested.OrgId, ct);
        }
        catch (DirectoryUnavailableException e)
        {
            LogDirectoryUnavailable(logger, e, contested.Id);
            return new CaseCommandResult.Unavailable(
                "The directory cannot be reached to find the unit one level above; nothing was changed. Try again shortly.");
        }

        if (answeringUnit?.ParentId is not { } superior)
        {
            return new CaseCommandResult.Refused(answeringUnit is null
                ? $"Cannot request a review: the directory does not know the answering unit {contested.OrgId}, so no unit above it can be named."
                : $"Cannot request a review: {contested.OrgId} has no unit above it in the directory.");
        }

        var transition = contested.RequestReview(superior, reason, Guid.CreateVersion7(now), now, out var review);
        if (!transition.IsAllowed)
        {
            return new CaseCommandResult.Refused(transition.Refusal!);
        }

        db.Cases.Add(review!);
        db.AddToOutbox(new ReviewRequested(
            review!.PetitionId, review.Id, review.OrgId, review.Stage, contested.Id, contested.OrgId, review.DueBy,
            review.Confidential, now), time);
        audit.Record(AuditActions.ReviewRequested, review.PetitionId, contested.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException
            || e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            return new CaseCommandResult.Refused(
                "Cannot request a review: another request for this answer was saved at the same moment; reload the case.");
        }

        LogReviewOpened(logger, review.Id, review.Stage, review.OrgId, contested.Id);
        return new CaseCommandResult.Done(review);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Stage} case {CaseId} at {OrgId} for contested case {ContestedCaseId}")]
    private static partial void LogReviewOpened(ILogger logger, Guid caseId, string stage, string orgId, Guid contestedCaseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The directory could not be asked for the unit above the one of case {CaseId}")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception, Guid caseId);
}
