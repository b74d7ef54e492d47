namespace PetitionPlatform.Supervision.Domain;

/// <summary>The latest written answer and the end of the window in which a review may be requested.</summary>
public sealed record WrittenAnswer(string Outcome, string Opinion, DateTimeOffset At, DateTimeOffset ReviewDueBy);
