namespace PetitionPlatform.Supervision.Api;

/// <summary>A leader takes a petition on (包案): who, in their office, and the organisation they lead.</summary>
public sealed record LeaderRequest(string? Leader, string? OrgId);
