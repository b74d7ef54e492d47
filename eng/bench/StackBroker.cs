using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace PetitionPlatform.Bench;

/// <summary>
/// The running stack's RabbitMQ, asked through its management API how many messages its queues hold: the warm-up's
/// own chain can have drained while audit, supervision and notification are still working through the cold start's
/// backlog, and a run that starts then measures that backlog too. Found as <see cref="StackPostgres"/> finds the
/// database: the local node's configuration in the data directory names its management port and administrator, else
/// the container that mounts the volume the AppHost names after that directory.
/// </summary>
internal sealed class StackBroker : IDisposable
{
    /// <summary>The management plugin refreshes its queue figures every 5 s: quiet means quiet for two refreshes.</summary>
    private static readonly TimeSpan s_quietFor = TimeSpan.FromSeconds(11);

    private readonly HttpClient _management;

    private StackBroker(Uri management, string user, string password)
    {
        _management = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        _management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>The stack's broker, or null (with the reason on the console) when none is found.</summary>
    public static async Task<StackBroker?> FindAsync(string dataDirectory)
    {
        var local = LocalNode(dataDirectory);
        if (local is not null)
        {
            return local;
        }

        // Aspire's RabbitMQ container: its administrator is guest, with the password kept beside the data.
        var port = await StackContainers.PublishedPortAsync(dataDirectory, "messaging", 15672);
        var secret = Path.Combine(dataDirectory, "secrets", "messaging-password");
        if (port is null || !File.Exists(secret))
        {
            Console.WriteLine("  (no RabbitMQ of the stack found in the data directory: the queues are not watched)");
            return null;
        }

        return new StackBroker(new Uri($"http://127.0.0.1:{port}"), "guest", File.ReadAllText(secret).Trim());
    }

    /// <summary>
    /// Waits until no queue but the error and skipped ones (which keep what operators must look at) has held a
    /// message for a while, or until <paramref name="patience"/> is spent.
    /// </summary>
    /// <returns>How long it took, the most messages seen waiting, and whether the queues went quiet.</returns>
    public async Task<(TimeSpan Took, long MostWaiting, bool Quiet)> WaitUntilQuietAsync(TimeSpan patience)
    {
        var started = Stopwatch.GetTimestamp();
        var quietSince = (long?)null;
        long most = 0;
        while (Stopwatch.GetElapsedTime(started) < patience)
        {
            var waiting = await WaitingAsync();
            most = Math.Max(most, waiting);
            quietSince = waiting > 0 ? null : quietSince ?? Stopwatch.GetTimestamp();
            if (quietSince is { } since && Stopwatch.GetElapsedTime(since) >= s_quietFor)
            {
                return (Stopwatch.GetElapsedTime(started), most, true);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return (Stopwatch.GetElapsedTime(started), most, false);
    }

    /// <summary>Messages ready or delivered and not yet acknowledged, in every queue the services work through.</summary>
    private async Task<long> WaitingAsync()
    {
        var queues = await _management.GetFromJsonAsync<List<QueueFigures>>("/api/queues?columns=name,messages_ready,messages_unacknowledged") ?? [];
        return queues.Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal) && !q.Name.EndsWith("_skipped", StringComparison.Ordinal))
            .Sum(q => q.Ready + q.Unacknowledged);
    }

    private static StackBroker? LocalNode(string dataDirectory)
    {
        // Written by the AppHost's rabbitmq.sh at every start of the local node.
        var configuration = Path.Combine(dataDirectory, "local", "messaging", "rabbitmq.conf");
        if (!File.Exists(configuration))
        {
            return null;
        }

        var settings = File.ReadAllLines(configuration).Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return settings.TryGetValue("management.tcp.port", out var port) && settings.TryGetValue("default_user", out var user)
            && settings.TryGetValue("default_pass", out var password)
            ? new StackBroker(new Uri($"http://127.0.0.1:{port}"), user, password)
            : null;
    }

    public void Dispose() => _management.Dispose();

    private sealed record QueueFigures(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages_ready")] long Ready,
        [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged);
}
