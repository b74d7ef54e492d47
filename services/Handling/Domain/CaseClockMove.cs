namespace PetitionPlatform.Handling.Domain;

/// <summary>A clock of a case that a holiday notice moved: which (<c>DueDateClocks</c>), from when, and its old and new end.</summary>
public sealed record CaseClockMove(string Clock, DateTimeOffset StartedAt, DateTimeOffset PreviousDueBy, DateTimeOffset DueBy);
