using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.EndToEndTests;

/// <summary>
/// Follows every resource (each instance of a replicated one) while the stack starts, so that a start that runs out of
/// time says which resource it was waiting for and what that resource last wrote: a CI run keeps nothing else of it.
/// </summary>
internal sealed class StartupWatch : IAsyncDisposable
{
    private const int LinesPerResource = 15;

    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    public StartupWatch(ResourceNotificationService notifications) =>
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in notifications.WatchAsync(_stop.Token))
                {
                    _latest[change.ResourceId] = change;
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

    /// <summary>Every instance's last state and health; for each resource with an instance not running healthily, its last console lines.</summary>
    public string Report(TimeSpan budget, ServiceLogs consoles, LogCapture recovery)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"The stack did not become healthy within {budget.TotalMinutes} minutes.");
        report.AppendLine("Resources as last published:");
        foreach (var (id, change) in _latest.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var snapshot = change.Snapshot;
            var failing = snapshot.HealthReports.Where(h => h.Status != HealthStatus.Healthy).Select(h => $"{h.Name} {h.Status} {h.Description}");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  {id}: {snapshot.State?.Text ?? "(no state)"}, health {snapshot.HealthStatus?.ToString() ?? "none"}, exit code {snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} {string.Join("; ", failing)}");
        }

        // The test host logs a resource's console under its name, which its instances share: one block per name.
        foreach (var name in _latest.Values.Where(r => !IsUp(r)).Select(r => r.Resource.Name).Distinct().Order(StringComparer.Ordinal))
        {
            var lines = consoles.Last(name, LinesPerResource).ToList();
            if (lines.Count > 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"Last console lines of {name}:");
                lines.ForEach(line => report.AppendLine("  " + line));
            }
        }

        report.AppendLine("The app host's recovery:");
        foreach (var record in recovery.Records)
        {
            report.AppendLine("  " + record.Message);
        }

        return report.ToString();
    }

    /// <summary>Running and healthy, or a resource with no health to report that runs (or, like a parameter, has no process).</summary>
    private static bool IsUp(ResourceEvent change) =>
        (change.Snapshot.State?.Text is null or "Active" or "Running") && (change.Snapshot.HealthStatus is null or HealthStatus.Healthy);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
