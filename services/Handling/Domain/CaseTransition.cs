namespace PetitionPlatform.Handling.Domain;

/// <summary>The answer of <see cref="CaseStateMachine"/>: the status an action leads to, or why it is refused.</summary>
public readonly record struct CaseTransition(string? To, string? Refusal)
{
    public bool IsAllowed => Refusal is null;

    public static CaseTransition Allowed(string to) => new(to, null);

    public static CaseTransition Refused(string reason) => new(null, reason);
}
