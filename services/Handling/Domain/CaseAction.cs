namespace PetitionPlatform.Handling.Domain;

/// <summary>Everything that can happen to a case; <see cref="CaseStateMachine"/> says from which status each is allowed.</summary>
public enum CaseAction
{
    Accept,
    Decline,
    AddCoHandlers,
    Extend,
    Answer,
    Evaluate,

    /// <summary>A later routing decision for the petition replaced this case (not a user action).</summary>
    Supersede,

    /// <summary>The petitioner contests the answer: the unit one level above reviews it (复查) or re-reviews it (复核).</summary>
    RequestReview,

    /// <summary>The matter was terminated (终结) while this case was still open (not a user action).</summary>
    Terminate,

    /// <summary>A co-handling unit (or the lead unit) records its findings on the shared case.</summary>
    AddFindings,

    /// <summary>The reviewing unit records a hearing (听证), whose days are not counted in the review period.</summary>
    RecordHearing,
}
