using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Deadlines;
using PetitionPlatform.Supervision.Domain;
using PetitionPlatform.Data;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Raises the early warnings a registration can trigger (DOMAIN.md §6): a collective petition at once, and a spike of
/// one topic in one county. On its own queue (<c>supervision-early-warning</c>), so that the ledger keeps recording
/// registrations while the directory (needed for the superiors copied) is unreachable: this consumer is retried instead.
/// The superiors are read before its transaction opens (<see cref="EarlyWarningChain"/>).
/// </summary>
public sealed partial class EarlyWarningConsumer(
    SupervisionDbContext db,
    NoticeIssuer issuer,
    EarlyWarningChain prepared,
    IOptions<SupervisionOptions> options,
    TimeProvider time,
    ILogger<EarlyWarningConsumer> logger) : IConsumer<PetitionRegistered>
{
    public async Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var county = RegionCode.Parse(message.RegionCode).County;
        var chain = prepared.Chain;
        var leader = await db.Leaders.AsNoTracking().SingleOrDefaultAsync(l => l.PetitionId == message.PetitionId, ct);

        if (EarlyWarnings.IsCollective(message.Headcount))
        {
            await RaiseAsync(message, chain, EarlyWarnings.CollectivePetition, NoticeKeys.ForCollectivePetition(message.PetitionId),
                NoticeReasons.ForCollectivePetition(message.Number, message.Headcount, message.Topic, leader), leader, ct);
        }

        await CountForSpikeAsync(message, county.Value, chain, ct);
    }

    private async Task CountForSpikeAsync(PetitionRegistered message, string county, OrgChain chain, CancellationToken ct)
    {
        var spike = options.Value.Spike;
        var registeredAt = message.OccurredAt;
        // Registrations of one county and topic are counted one at a time, so two consumed at once cannot both miss the threshold.
        await db.Database.TakeTransactionLockAsync(county + "|" + message.Topic, ct);
        if (!await db.WarningRegistrations.AnyAsync(r => r.PetitionId == message.PetitionId, ct))
        {
            db.WarningRegistrations.Add(new WarningRegistration
            {
                PetitionId = message.PetitionId,
                CountyCode = county,
                Topic = message.Topic,
                RegisteredAt = registeredAt,
            });
            await db.SaveChangesAsync(ct);
        }

        var windowStart = EarlyWarnings.WindowStart(registeredAt, spike.Window);
        var windowEnd = windowStart + spike.Window;
        var count = await db.WarningRegistrations.CountAsync(
            r => r.CountyCode == county && r.Topic == message.Topic && r.RegisteredAt >= windowStart && r.RegisteredAt < windowEnd, ct);
        if (EarlyWarnings.IsSpike(count, spike.Threshold))
        {
            await RaiseAsync(message, chain, EarlyWarnings.TopicSpike, NoticeKeys.ForTopicSpike(county, message.Topic, windowStart),
                NoticeReasons.ForTopicSpike(county, message.Topic, count, windowStart, spike.Window), leader: null, ct);
        }
    }

    private async Task RaiseAsync(
        PetitionRegistered message, OrgChain chain, string rule, string key, string reason, PetitionLeader? leader, CancellationToken ct)
    {
        var notice = await issuer.IssueAsync(new SupervisionNotice
        {
            Id = Guid.CreateVersion7(),
            Kind = NoticeKinds.Alert,
            PetitionId = message.PetitionId,
            OrgId = chain.Unit,
            CopiedToOrgIds = chain.Superior is { } superior ? [superior] : [],
            Reason = reason,
            IssuedAt = time.GetUtcNow(),
            Stage = rule,
            Level = 0,
            Leader = leader?.Leader,
            DedupKey = key,
        }, ct);
        if (notice is not null)
        {
            LogAlert(logger, rule, message.PetitionId, notice.OrgId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Early warning {Rule} raised by petition {PetitionId} to {OrgId}")]
    private static partial void LogAlert(ILogger logger, string rule, Guid petitionId, string orgId);
}
