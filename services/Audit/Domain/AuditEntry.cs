namespace PetitionPlatform.Audit.Domain;

/// <summary>One link of the trail: what an <c>AuditRecorded</c> said, its place in the chain and the chain's hashes.</summary>
public sealed record AuditEntry
{
    public long Sequence { get; init; }

    public Guid EntryId { get; init; }

    public required string Service { get; init; }

    public required string Action { get; init; }

    public string? ClientId { get; init; }

    public string? OrgId { get; init; }

    public string? Actor { get; init; }

    public Guid? PetitionId { get; init; }

    public Guid? CaseId { get; init; }

    public string? Subject { get; init; }

    public string? SourceAddress { get; init; }

    public string? TraceId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the trail appended it; entries are chained in this order, not by <see cref="OccurredAt"/>.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    public required byte[] PreviousHash { get; init; }

    /// <summary>Given by <see cref="AuditChain.Seal"/> once every other field is known.</summary>
    public byte[] Hash { get; init; } = [];
}
