using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.Processes;

/// <summary>What to run as a managed child process.</summary>
internal sealed record ChildProcessStartInfo(string Source, string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set on top of the host's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Inherited variables whose names start with one of these are removed first, so the host's shell cannot leak settings in.</summary>
    public IReadOnlyList<string> RemoveInheritedPrefixes { get; init; } = [];

    /// <summary>The OS user to run as (the host must be root), or null for the host's own user.</summary>
    public string? UserName { get; init; }

    public Action<OutputLine>? Output { get; init; }
}
