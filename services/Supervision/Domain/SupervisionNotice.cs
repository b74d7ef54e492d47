namespace PetitionPlatform.Supervision.Domain;

/// <summary>A supervision notice (督办单) or early warning to a unit about one petition, copied to its superiors.</summary>
public sealed class SupervisionNotice
{
    public Guid Id { get; init; }

    /// <summary>One of <see cref="NoticeKinds"/>.</summary>
    public required string Kind { get; init; }

    public Guid PetitionId { get; init; }

    public required string OrgId { get; init; }

    public List<string> CopiedToOrgIds { get; init; } = [];

    public required string Reason { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The clock's stage for a deadline notice; the warning rule for an alert.</summary>
    public required string Stage { get; init; }

    public Guid? CaseId { get; init; }

    public DateTimeOffset? DueBy { get; init; }

    /// <summary>0, or the escalation's step up the chain.</summary>
    public int Level { get; init; }

    public string? Leader { get; init; }

    /// <summary>What makes the notice unique (<see cref="NoticeKeys"/>): the same notice is never issued twice, even by concurrent runs.</summary>
    public required string DedupKey { get; init; }
}
