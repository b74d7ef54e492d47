using PetitionPlatform.Audit.Domain;

namespace PetitionPlatform.Audit.Api;

/// <summary>An entry as auditors read it, hashes in hex so that a chain can be checked by hand.</summary>
public sealed record AuditEntryView(
    long Sequence,
    Guid EntryId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Service,
    string Action,
    string? ClientId,
    string? OrgId,
    string? Actor,
    Guid? PetitionId,
    Guid? CaseId,
    string? Subject,
    string? SourceAddress,
    string? TraceId,
    string PreviousHash,
    string Hash)
{
    public static AuditEntryView From(AuditEntry e) => new(
        e.Sequence, e.EntryId, e.OccurredAt, e.RecordedAt, e.Service, e.Action, e.ClientId, e.OrgId, e.Actor, e.PetitionId, e.CaseId,
        e.Subject, e.SourceAddress, e.TraceId, Convert.ToHexStringLower(e.PreviousHash), Convert.ToHexStringLower(e.Hash));
}

/// <summary>A page of the trail; <c>next</c> is the <c>after</c> of the following page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? Next);
