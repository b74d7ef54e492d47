using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.Data;

namespace PetitionPlatform.Intake.Repeats;

/// <summary>
/// Finds the petitioner's earlier petitions on the same topic in the same county and lets <see cref="MatterLinking"/>
/// decide. Runs inside the registration's transaction.
/// </summary>
public sealed class MatterMatcher(IntakeDbContext db, IOptions<RepeatOptions> options)
{
    public async Task<Linking> LinkAsync(Submission submission, CancellationToken ct)
    {
        var idHash = submission.IdNumberHash;
        var phoneHash = submission.PhoneHash;
        if (idHash is null && phoneHash is null)
        {
            return new Linking.Independent();
        }

        // Two submissions of one person arriving together must not both miss each other: the second waits for the
        // first to commit. Keyed by the identity the rule matches on first.
        var lockKey = Convert.ToHexString(idHash ?? phoneHash!);
        await db.Database.TakeTransactionLockAsync("petitioner:" + lockKey, ct);

        var county = RegionCode.Parse(submission.RegionCode).County.Value;
        var rows = await db.Petitions.AsNoTracking()
            .Where(p => p.Status == PetitionStatuses.Registered && p.Topic == submission.Topic && p.RegionCode.StartsWith(county))
            .Where(p => (idHash != null && p.Petitioner!.IdNumberHash == idHash) || (phoneHash != null && p.Petitioner!.PhoneHash == phoneHash))
            .OrderByDescending(p => p.RegisteredAt)
            .Take(options.Value.MaxCandidates)
            .Select(p => new
            {
                p.Id,
                p.Number,
                p.Topic,
                p.RegionCode,
                p.Subject,
                p.Content,
                p.RegisteredAt,
                p.Petitioner!.IdNumberHash,
                p.Petitioner.PhoneHash,
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new Linking.Independent();
        }

        var ids = rows.Select(r => r.Id).ToList();
        var states = await db.MatterStates.AsNoTracking().Where(s => ids.Contains(s.PetitionId)).ToDictionaryAsync(s => s.PetitionId, ct);
        var prior = rows.Select(r =>
        {
            var state = states.GetValueOrDefault(r.Id);
            return new PriorPetition(r.Id, r.Number, r.Topic, r.RegionCode, r.IdNumberHash, r.PhoneHash,
                MatterLinking.TextOf(r.Subject, r.Content), r.RegisteredAt, state?.Stage ?? MatterStage.Open,
                state?.AnsweredByOrgId, state?.AnsweredAt, state?.TerminationReason);
        });
        return MatterLinking.Decide(submission, prior, options.Value.SimilarityThreshold);
    }
}
