namespace PetitionPlatform.Intake.Handlers;

/// <summary>
/// A unit on one case of a petition: its lead or a co-handler (会办). The case is the unit's until it is declined;
/// the released instant says when it stopped being theirs.
/// </summary>
public sealed class CaseHandler
{
    public Guid CaseId { get; init; }

    public required string OrgId { get; init; }

    public Guid PetitionId { get; init; }

    public bool IsLead { get; init; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public void Release(DateTimeOffset at) => ReleasedAt ??= at;
}
