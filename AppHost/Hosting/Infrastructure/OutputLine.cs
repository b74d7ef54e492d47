namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>One line a server process wrote; <see cref="Source"/> names the process when a server runs several (e.g. epmd).</summary>
public readonly record struct OutputLine(string Source, string Text, bool IsError);
