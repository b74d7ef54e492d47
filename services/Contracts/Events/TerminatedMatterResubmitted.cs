namespace PetitionPlatform.Contracts;

/// <summary>
/// The same petitioner submitted again a matter that is terminated (<see cref="PetitionTerminated"/>). Intake registered
/// the submission but it is not accepted: no PetitionRegistered, no routing. Notification tells the petitioner why.
/// </summary>
/// <param name="PetitionId">The new submission's id.</param>
/// <param name="Number">The new submission's petition number.</param>
/// <param name="OriginalPetitionId">The terminated petition.</param>
/// <param name="OriginalNumber">The terminated petition's number, quoted to the petitioner.</param>
/// <param name="TerminationReason">Why the original was terminated (<see cref="TerminationReasons"/>).</param>
/// <param name="TrackingCodeHash"><see cref="TrackingCodes.Hash"/> of the new submission's query code (the petitioner as recipient).</param>
/// <param name="Channel">The door the submission came in by, which is how the answer goes back.</param>
public sealed record TerminatedMatterResubmitted(
    Guid PetitionId,
    string Number,
    Guid OriginalPetitionId,
    string OriginalNumber,
    string TerminationReason,
    string TrackingCodeHash,
    string Channel,
    DateTimeOffset OccurredAt) : IPetitionEvent;
