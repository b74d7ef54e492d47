namespace PetitionPlatform.Supervision.Domain;

/// <summary>A step of the petitioner's progress view and the deadline that applies from it on, where there is one.</summary>
/// <param name="LegalRoute">For guide-to-legal only: the procedure the petitioner is directed to.</param>
public sealed record ProgressStep(string Step, string OrgId, DateTimeOffset At, DateTimeOffset? DueBy, string? LegalRoute = null);
