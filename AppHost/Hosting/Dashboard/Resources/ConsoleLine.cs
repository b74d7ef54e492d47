using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

public enum OutputStream
{
    Stdout,
    Stderr,
}

/// <summary>One console line as the API sends it.</summary>
internal sealed record ConsoleLine(DateTimeOffset Time, string Text, OutputStream Stream)
{
    public static ConsoleLine Of(LogLine line) => new(line.Timestamp, line.Text, line.IsError ? OutputStream.Stderr : OutputStream.Stdout);
}

/// <summary>The recent lines of one resource and how many it keeps at most.</summary>
internal sealed record ConsoleLog(string Resource, int Capacity, IReadOnlyList<ConsoleLine> Lines);
