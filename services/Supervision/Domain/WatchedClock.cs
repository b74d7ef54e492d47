namespace PetitionPlatform.Supervision.Domain;

/// <summary>A clock of the ledger as the deadline evaluation sees it: which petition, whether confidential, and the clock.</summary>
/// <param name="Number">The petition's number for the notice's text; null while the registration has not arrived.</param>
public sealed record WatchedClock(Guid PetitionId, string? Number, bool Confidential, StageClock Clock)
{
    /// <summary>
    /// Every clock of a petition's ledger. The review and re-review clocks of the next issue will come out of the same
    /// projection as further stages and are then watched without change here.
    /// </summary>
    public static IEnumerable<WatchedClock> Of(PetitionProgress progress) =>
        progress.Stages.Select(stage => new WatchedClock(progress.PetitionId, progress.Number, progress.Confidential, stage));
}
