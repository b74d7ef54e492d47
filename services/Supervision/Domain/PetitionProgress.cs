namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// Everything supervision knows of one petition, rebuilt from its lifecycle events. <see cref="Number"/> is null
/// while the registration has not arrived yet (case events may overtake it on their own queues).
/// </summary>
public sealed record PetitionProgress(
    Guid PetitionId,
    string? Number,
    string Status,
    string? Mode,
    string? ResponsibleOrgId,
    string? CurrentOrgId,
    string? CurrentOrgName,
    bool Confidential,
    IReadOnlyList<StageClock> Stages,
    IReadOnlyList<ProgressStep> Steps,
    WrittenAnswer? Answer,
    bool Terminated = false,
    bool AnswerContested = false,
    bool AnswerFinal = false)
{
    /// <summary>
    /// The petitioner may ask for a review once answered, until the review window closes; not while the answer is
    /// already under review, not after a re-review answer (it is final) and never once the matter is terminated.
    /// </summary>
    public bool CanRequestReviewAt(DateTimeOffset now) =>
        Answer is not null && !Terminated && !AnswerContested && !AnswerFinal && now <= Answer.ReviewDueBy;
}
