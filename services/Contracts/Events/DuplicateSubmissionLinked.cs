namespace PetitionPlatform.Contracts;

/// <summary>
/// The same petitioner submitted the same matter again while the original is still open. Intake registered the new
/// submission under its own number and linked it to the original; no PetitionRegistered is published for it, so it is
/// neither routed nor handled a second time. Supervision shows the link on the original's ledger.
/// </summary>
/// <param name="PetitionId">The new submission's id (intake's registration record).</param>
/// <param name="Number">The new submission's petition number.</param>
/// <param name="OriginalPetitionId">The open petition it duplicates; the one that is being handled.</param>
/// <param name="OriginalNumber">The original's petition number.</param>
/// <param name="Channel">The door the duplicate came in by.</param>
/// <param name="ReceivedBy">The unit that registered the duplicate.</param>
/// <param name="TrackingCodeHash">
/// <see cref="TrackingCodes.Hash"/> of the duplicate's own query code, so that the petitioner can read the messages
/// about it (its receipt) with that code. Null in events published before the field existed.
/// </param>
public sealed record DuplicateSubmissionLinked(
    Guid PetitionId,
    string Number,
    Guid OriginalPetitionId,
    string OriginalNumber,
    string Channel,
    string ReceivedBy,
    DateTimeOffset OccurredAt,
    string? TrackingCodeHash = null) : IPetitionEvent;
