namespace PetitionPlatform.Supervision.Domain;

/// <summary>A supervision notice (督办单) to a unit about one petition, copied to its superiors.</summary>
public sealed class SupervisionNotice
{
    public Guid Id { get; init; }

    /// <summary>reminder, overdue or escalation (API.md).</summary>
    public required string Kind { get; init; }

    public Guid PetitionId { get; init; }

    public required string OrgId { get; init; }

    public List<string> CopiedToOrgIds { get; init; } = [];

    public required string Reason { get; init; }

    public DateTimeOffset IssuedAt { get; init; }
}
