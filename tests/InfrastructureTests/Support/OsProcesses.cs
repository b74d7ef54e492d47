using System.Globalization;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.InfrastructureTests.Support;

/// <summary>What the operating system says is running, read from /proc: the ground truth for "nothing was left behind".</summary>
internal static class OsProcesses
{
    /// <summary>The direct children of a process (PostgreSQL's checkpointer, writer, …).</summary>
    public static List<int> ChildrenOf(int parent) =>
        [.. AllProcessIds().Where(pid => ParentOf(pid) == parent)];

    /// <summary>Live processes (other than this one) whose command line contains <paramref name="fragment"/>.</summary>
    public static List<string> Mentioning(string fragment) =>
        [.. AllProcessIds()
            .Where(pid => pid != Environment.ProcessId && Signals.IsAlive(pid))
            .Select(pid => (pid, commandLine: Signals.CommandLine(pid)))
            .Where(p => p.commandLine?.Contains(fragment, StringComparison.Ordinal) == true)
            .Select(p => $"{p.pid}: {p.commandLine}")];

    /// <summary>Waits briefly for the processes to be gone (a killed child can take a moment to be reaped), then asserts it.</summary>
    public static async Task AssertGoneAsync(IEnumerable<int> processIds)
    {
        var ids = processIds.ToList();
        for (var attempt = 0; attempt < 50 && ids.Any(Signals.IsAlive); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(ids.Where(Signals.IsAlive).Select(pid => $"{pid}: {Signals.CommandLine(pid)}"));
    }

    private static IEnumerable<int> AllProcessIds() =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture));

    private static int? ParentOf(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
