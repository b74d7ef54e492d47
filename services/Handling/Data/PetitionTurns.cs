using PetitionPlatform.Data;

namespace PetitionPlatform.Handling.Data;

/// <summary>
/// The consumers that open and close a petition's original cases (a routing decision, a termination) take turns per
/// petition. Each reads the petition's cases and then adds one; two decisions read together (a decline's reroute
/// beside the first decision, two instances, a replay) would each see no case of the other and leave two cases open,
/// and a termination beside a decision would miss the case being opened. No one row exists to carry a concurrency
/// token before the first case, and "one open case per petition" spans rows a constraint can only name by status, so
/// the second waits for the first to commit and then sees its case: nothing fails and nothing is retried.
/// </summary>
public static class PetitionTurns
{
    public static Task TakePetitionTurnAsync(this HandlingDbContext db, Guid petitionId, CancellationToken ct) =>
        db.Database.TakeTransactionLockAsync("handling-petition:" + petitionId, ct);
}
