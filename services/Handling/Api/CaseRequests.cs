namespace PetitionPlatform.Handling.Api;

// Bodies of the case actions (API.md, Handling). Every field is nullable so that a missing one is reported by name
// by CaseRequestValidator rather than failing deserialisation.

public sealed record AcceptRequest(string? By);

public sealed record DeclineRequest(string? Reason, string? LegalBasis, string? SuggestedOrgId);

public sealed record CoHandlersRequest(IReadOnlyList<string?>? OrgIds);

public sealed record ExtensionRequest(int? Days, string? Reason, string? ApprovedBy);

public sealed record AnswerRequest(string? Outcome, string? Opinion, string? LegalBasis);

public sealed record EvaluationRequest(string? TrackingCode, string? Rating);

public sealed record ReviewRequest(string? TrackingCode, string? Reason);

public sealed record FindingsRequest(string? OrgId, string? Findings);

/// <summary>Dates as <c>yyyy-MM-dd</c> strings (China calendar days), so a malformed one is reported by its field.</summary>
public sealed record HearingRequest(string? OrgId, string? StartedOn, string? EndedOn);
