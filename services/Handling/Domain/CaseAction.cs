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
}
