namespace PetitionPlatform.Contracts;

// A case is one unit's handling of one petition at one stage (CaseStages). OrgId is always the case's unit.

/// <summary>Handling opened a case at a unit, which must decide on acceptance by <paramref name="AcceptanceDueBy"/>.</summary>
public sealed record CaseOpened(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string Stage,
    string Mode,
    DateTimeOffset AcceptanceDueBy,
    DateTimeOffset? ReportBackDueBy,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>The unit accepted the matter; the handling period runs to <paramref name="HandlingDueBy"/>.</summary>
public sealed record CaseAccepted(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string Stage,
    string AcceptedBy,
    DateTimeOffset HandlingDueBy,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>The unit says the matter is not its own; routing decides again.</summary>
public sealed record CaseDeclined(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string Stage,
    string Reason,
    string? LegalBasis,
    string? SuggestedOrgId,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>Units joined the case as co-handlers (会办); the case's unit stays the lead.</summary>
public sealed record CoHandlersAdded(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    IReadOnlyList<string> CoHandlerOrgIds,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>The handling period was extended once, with the head's approval.</summary>
public sealed record CaseExtended(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    int Days,
    string Reason,
    string ApprovedBy,
    DateTimeOffset HandlingDueBy,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>
/// The written answer (处理意见书). <paramref name="Opinion"/> is the unit's text to the petitioner; units are told not to
/// put personal data in it. A review may be requested until <paramref name="ReviewDueBy"/>.
/// </summary>
public sealed record CaseAnswered(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string Stage,
    string Outcome,
    string Opinion,
    string LegalBasis,
    DateTimeOffset ReviewDueBy,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>The petitioner rated the answer (one of <see cref="Ratings"/>).</summary>
public sealed record CaseEvaluated(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string Stage,
    string Rating,
    DateTimeOffset OccurredAt) : IPetitionEvent;
