using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Data;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Messaging;

/// <summary>
/// The operators' view of what a service has set aside (its outbox rows that could not be published, the messages its
/// consumers could not process through all redeliveries), and the replay once the cause is fixed. Events carry ids and
/// codes, never personal data, so operators, who never read petitions, may see them.
/// </summary>
public static class SetAsideApi
{
    private const int MaxPage = 500;
    private const int MaxReplay = 1000;

    public static WebApplication MapSetAsideMessages(this WebApplication app, string apiPrefix)
    {
        var group = app.MapGroup($"{apiPrefix}/set-aside-messages").WithTags("Operations").RequireRoles(AccessRoles.Operator);
        group.MapGet("/", ListAsync).WithSummary("Messages this service set aside, oldest first, with the last error");
        group.MapPost("/replay", ReplayAsync).WithSummary("Send set-aside messages again once their cause is fixed");
        return app;
    }

    public sealed record SetAsideMessage(
        Guid Id, string Source, string MessageType, string? Consumer, Guid? PetitionId, int Failures, string? LastError, DateTimeOffset SetAsideAt);

    public sealed record SetAsideList(long Total, IReadOnlyList<SetAsideMessage> Items);

    public sealed record ReplayRequest(List<Guid>? Ids);

    public sealed record ReplayResult(IReadOnlyList<Guid> Replayed, IReadOnlyList<Guid> Unknown);

    private static async Task<Results<Ok<SetAsideList>, ValidationProblem>> ListAsync(int? limit, DbContext db, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPage)
        {
            return Problem.Invalid("limit", $"Between 1 and {MaxPage}.");
        }

        var take = limit ?? 100;
        var outbox = db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.SetAsideAt != null);
        var held = db.Set<HeldMessage>().Where(m => m.ReleaseAt == null);
        var items = (await outbox.OrderBy(m => m.SetAsideAt).Take(take)
                .Select(m => new SetAsideMessage(m.Id, "outbox", m.MessageType, null, null, m.Faults, m.LastError, m.SetAsideAt!.Value))
                .ToListAsync(ct))
            .Concat(await held.OrderBy(m => m.HeldAt).Take(take)
                .Select(m => new SetAsideMessage(m.MessageId, "consumer", m.MessageType, m.Consumer, m.PetitionId, m.Redeliveries + 1, m.LastError, m.HeldAt))
                .ToListAsync(ct))
            .OrderBy(m => m.SetAsideAt)
            .Take(take)
            .Select(m => m with { MessageType = ContractTypes.ShortName(m.MessageType) })
            .ToList();
        return TypedResults.Ok(new SetAsideList(await outbox.LongCountAsync(ct) + await held.LongCountAsync(ct), items));
    }

    /// <summary>
    /// An outbox row goes back in line (in its original place, so it is published before newer rows); a consumed message
    /// is sent to its queue at once, with a fresh round of redeliveries, and leaves the table when the broker took it.
    /// </summary>
    private static async Task<Results<Ok<ReplayResult>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        HttpRequest http, DbContext db, IBus bus, OutboxSignal signal, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReplayRequest>(http, "A JSON object { ids: [...] } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        if (body.Ids is not { Count: > 0 and <= MaxReplay } ids)
        {
            return Problem.Invalid("ids", $"The ids of the messages to send again: 1 to {MaxReplay} of them.");
        }

        await using var transaction = await db.Database.BeginWholeTransactionAsync(ct);
        var requeued = await db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.SentAt == null && m.SetAsideAt != null)
            .ToListAsync(ct);
        foreach (var row in requeued)
        {
            row.SetAsideAt = null;
            row.Faults = 0;
        }

        var held = await db.SelectMapped<HeldMessage>($"WHERE message_id = ANY({ids.ToArray()}) AND release_at IS NULL FOR UPDATE")
            .ToListAsync(ct);
        try
        {
            foreach (var message in held)
            {
                await HeldMessages.SendBackAsync(bus, message, 0, ct);
                db.Remove(message);
            }
        }
        catch (Exception ex) when (BrokerFaults.Caused(ex) && !ct.IsCancellationRequested)
        {
            return Problem.Unavailable("The message broker is not reachable.", "Nothing was replayed; try again when the broker is back.");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify();

        var replayed = requeued.Select(m => m.Id).Concat(held.Select(m => m.MessageId)).Distinct().ToList();
        return TypedResults.Ok(new ReplayResult(replayed, [.. ids.Except(replayed)]));
    }
}
