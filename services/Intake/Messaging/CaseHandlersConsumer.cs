using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Handlers;

namespace PetitionPlatform.Intake.Messaging;

/// <summary>
/// Keeps <see cref="CaseHandler"/>s: which units a petition's cases are with, so that intake can show them the
/// petitioner's personal data in clear (ACCESS.md rule 4). A case opened makes its unit the lead; co-handlers join it;
/// a decline releases the case from all of them. Facts are kept per case and unit, so a second copy or a late arrival
/// (a decline before the opening it follows) leaves the same rows. A decline is final for the case, so a unit that joins
/// a released case (co-handlers added before the decline, arriving after it) is released with the others. Runs behind
/// the inbox; the events of one case take turns, so a decline never misses co-handlers being added at the same moment.
/// </summary>
public sealed class CaseHandlersConsumer(IntakeDbContext db)
    : IConsumer<CaseOpened>, IConsumer<CoHandlersAdded>, IConsumer<CaseDeclined>
{
    public async Task Consume(ConsumeContext<CaseOpened> context)
    {
        var opened = context.Message;
        await EnsureAsync(opened.PetitionId, opened.CaseId, [opened.OrgId], isLead: true, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CoHandlersAdded> context)
    {
        var added = context.Message;
        await EnsureAsync(added.PetitionId, added.CaseId, added.CoHandlerOrgIds, isLead: false, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CaseDeclined> context)
    {
        var declined = context.Message;
        var handlers = await EnsureAsync(declined.PetitionId, declined.CaseId, [declined.OrgId], isLead: true, context.CancellationToken);
        foreach (var handler in handlers)
        {
            handler.Release(declined.OccurredAt);
        }
    }

    /// <summary>The case's handlers, with rows added for <paramref name="orgIds"/> where there were none.</summary>
    private async Task<List<CaseHandler>> EnsureAsync(Guid petitionId, Guid caseId, IReadOnlyList<string> orgIds, bool isLead, CancellationToken ct)
    {
        // Each event reads the case's rows and adds to them, and a decline releases the rows it read: without turns a
        // decline beside CoHandlersAdded would release the lead and leave the co-handlers' new rows unreleased.
        await db.Database.TakeTransactionLockAsync("intake-case:" + caseId, ct);

        // Every petition starts at intake; an unknown one is another deployment's event or test data (the lifecycle
        // consumer logs those), and a row could not reference it. Read with the case's rows, in one statement.
        var known = await db.Petitions.Where(p => p.Id == petitionId)
            .Select(p => new { Handlers = db.CaseHandlers.Where(h => h.CaseId == caseId).ToList() })
            .SingleOrDefaultAsync(ct);
        if (known is null)
        {
            return [];
        }

        var handlers = known.Handlers;
        var releasedAt = handlers.Select(h => h.ReleasedAt).FirstOrDefault(at => at is not null);
        foreach (var orgId in orgIds.Where(o => handlers.All(h => h.OrgId != o)))
        {
            var handler = new CaseHandler { CaseId = caseId, OrgId = orgId, PetitionId = petitionId, IsLead = isLead };
            if (releasedAt is { } declined)
            {
                handler.Release(declined);
            }

            db.CaseHandlers.Add(handler);
            handlers.Add(handler);
        }

        return handlers;
    }
}
