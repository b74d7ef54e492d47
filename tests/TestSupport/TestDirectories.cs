using System.Diagnostics;

namespace PetitionPlatform.TestSupport;

/// <summary>
/// Scratch directories for servers started by tests, all under <c>/tmp/petitionplatform-tests</c> (or TMPDIR). Each is
/// named after the test process, so a later run can recognise the leftovers of a run that was killed and clean them up.
/// </summary>
public static class TestDirectories
{
    // Traversable by everyone: when tests run as root, PostgreSQL and RabbitMQ run as their own users and must reach it.
    private const UnixFileMode Traversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "petitionplatform-tests");

    /// <summary>A new, empty directory that the servers' OS users can reach.</summary>
    public static string Create(string label)
    {
        var path = Path.Combine(Root, $"{Environment.ProcessId}-{label}-{Guid.NewGuid().ToString("N")[..8]}");
        CreateTraversable(Root);
        CreateTraversable(path);
        return path;
    }

    /// <summary>Deletes a directory made by <see cref="Create"/>; a failure here must not fail the test that used it.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Deletes the directories of test runs that died without cleaning up. Their servers are gone already: DCP stops
    /// what it started when the process that started it dies.
    /// </summary>
    public static void SweepLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(Root))
        {
            var owner = Path.GetFileName(directory).Split('-')[0];
            if (int.TryParse(owner, out var processId) && !IsRunning(processId))
            {
                Delete(directory);
            }
        }
    }

    private static void CreateTraversable(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Traversable);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
