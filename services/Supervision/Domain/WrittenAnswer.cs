namespace PetitionPlatform.Supervision.Domain;

/// <summary>The latest written answer and the end of the window in which a review may be requested.</summary>
/// <param name="Stage">The stage of the answered case; a re-review answer cannot be contested.</param>
public sealed record WrittenAnswer(string Outcome, string Opinion, DateTimeOffset At, DateTimeOffset ReviewDueBy, string? Stage = null);
