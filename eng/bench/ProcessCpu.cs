using System.Globalization;
using System.Text.RegularExpressions;

namespace PetitionPlatform.Bench;

/// <summary>
/// CPU time each part of the stack used, from <c>/proc/&lt;pid&gt;/stat</c> (user + system), grouped by what the
/// process is: a service or the gateway by its assembly name, PostgreSQL's backends, RabbitMQ's Erlang VM, Aspire's
/// dashboard and DCP. Two readings around a run, divided by the petitions it carried, say where each petition's CPU
/// goes (docs/performance.md). A process started between the readings counts whole. One that ended between them is
/// found in its parent, which adds a child's whole time to its own children's times when it reaps it: PostgreSQL's
/// backends end when a pool retires an idle connection, and the postmaster reaps them. Empty where there is no /proc.
/// </summary>
internal sealed partial class ProcessCpu
{
    /// <summary>Linux reports these times in clock ticks of USER_HZ, which is 100 on every architecture it supports.</summary>
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, (string Part, long Ticks)> _byProcess;

    private ProcessCpu(Dictionary<int, (string Part, long Ticks)> byProcess) => _byProcess = byProcess;

    public static ProcessCpu Read()
    {
        var byProcess = new Dictionary<int, (string, long)>();
        if (!Directory.Exists("/proc"))
        {
            return new ProcessCpu(byProcess);
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (PartOf(File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ')) is { } part
                    && Ticks(File.ReadAllText(Path.Combine(directory, "stat"))) is { } ticks)
                {
                    byProcess[pid] = (part, ticks);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return new ProcessCpu(byProcess);
    }

    /// <summary>
    /// Milliseconds of CPU per part from <paramref name="before"/> to this reading, largest first. A process that ended
    /// in between came back whole in its parent's children's times, so what it had used before is taken off again.
    /// </summary>
    public IReadOnlyList<(string Part, double Milliseconds)> Since(ProcessCpu before) =>
        _byProcess.Select(p => (p.Value.Part, Ticks: p.Value.Ticks - TicksAt(before, p.Key, p.Value.Part)))
            .Concat(before._byProcess.Where(p => !_byProcess.ContainsKey(p.Key)).Select(p => (p.Value.Part, Ticks: -p.Value.Ticks)))
            .GroupBy(p => p.Part, p => p.Ticks)
            .Select(g => (g.Key, g.Sum() * 1000 / TicksPerSecond))
            .OrderByDescending(p => p.Item2)
            .ToList();

    /// <summary>A process started since (a PostgreSQL backend for a new connection) used all its time in between.</summary>
    private static long TicksAt(ProcessCpu reading, int pid, string part) =>
        reading._byProcess.TryGetValue(pid, out var then) && then.Part == part ? then.Ticks : 0;

    private static string? PartOf(string commandLine) =>
        ServiceName().Match(commandLine) is { Success: true } service ? service.Groups[1].Value.ToLowerInvariant()
        : commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal) ? "Aspire dashboard"
        : commandLine.StartsWith("postgres", StringComparison.Ordinal) || commandLine.Contains("/postgresql/", StringComparison.Ordinal)
            ? "PostgreSQL"
        : commandLine.Contains("beam.smp", StringComparison.Ordinal) || commandLine.Contains("rabbitmq", StringComparison.Ordinal) ? "RabbitMQ"
        : DcpName().IsMatch(commandLine) ? "DCP"
        : null;

    /// <summary>
    /// utime, stime, cutime and cstime, the 14th to 17th fields: the process's own time and that of its children it has
    /// reaped. The 2nd field (the name in parentheses) may itself hold spaces.
    /// </summary>
    private static long? Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long total = 0;
        for (var field = 11; field <= 14; field++)
        {
            if (fields.Length <= field
                || !long.TryParse(fields[field], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }

            total += ticks;
        }

        return total;
    }

    [GeneratedRegex(@"PetitionPlatform\.(Intake|Routing|Handling|Supervision|Notification|Audit|Identity|Gateway|AppHost)\b")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"(^|/)dcp(ctrl)?\s")]
    private static partial Regex DcpName();
}
