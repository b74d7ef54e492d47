namespace PetitionPlatform.Contracts;

/// <summary>
/// One entry for the audit trail (ACCESS.md rule 5), sent by the service where the change or the clear read happened,
/// through its outbox in the same transaction, so that nothing is done without being recorded. Ids only: no personal
/// data, no text of the petition.
/// </summary>
/// <param name="EntryId">Unique per entry: the trail keeps one entry per id however often it is delivered.</param>
/// <param name="Service">The service that recorded it.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="ClientId">The signed-in client that acted; null when the platform acted on its own (an automatic routing
/// decision) or a petitioner acted with the query code (see <paramref name="Actor"/>).</param>
/// <param name="OrgId">The organisation the client acts for.</param>
/// <param name="Actor">Who acted when there is no client: <see cref="AuditActors"/>.</param>
/// <param name="Subject">What was acted on when it is not a petition or case: a client id, a signing key id.</param>
/// <param name="SourceAddress">The network address the call came from (the gateway forwards the caller's); null for the platform's own work.</param>
/// <param name="TraceId">The W3C trace id of the request or message, to find the whole story in the traces.</param>
public sealed record AuditRecorded(
    Guid EntryId,
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
    DateTimeOffset OccurredAt);
