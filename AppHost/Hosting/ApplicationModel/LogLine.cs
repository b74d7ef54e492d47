namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>One line of a resource's output; <see cref="IsError"/> when it came from standard error.</summary>
public readonly record struct LogLine(DateTimeOffset Timestamp, string Text, bool IsError);
