namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// One routing decision about a petition, as <c>PetitionRouted</c> told it: who decided, and whom it sent the matter
/// to. A decline is reported back to the unit whose decision is being declined, and unit names for documents come
/// from here.
/// </summary>
public sealed class RoutingDecision
{
    public Guid PetitionId { get; init; }

    public int Attempt { get; init; }

    public required string DecidedBy { get; init; }

    public required string Mode { get; init; }

    public required string ResponsibleOrgId { get; init; }

    public required string ResponsibleOrgName { get; init; }

    public bool Confidential { get; init; }

    public DateTimeOffset DecidedAt { get; init; }
}
