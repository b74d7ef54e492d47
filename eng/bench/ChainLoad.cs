using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.Bench;

/// <summary>
/// One registration the gateway accepted, when it was planned to leave (on the wall clock the services stamp their rows
/// with: the same machine's), and how long the agency waited for the answer.
/// </summary>
internal sealed record Accepted(Guid PetitionId, DateTimeOffset PlannedAt, double SubmitMs);

/// <summary>What the load did: what was accepted, what was refused and why, and the sample's time to reach its case.</summary>
/// <param name="StartedAt">The load's first instant (a <see cref="Stopwatch"/> timestamp).</param>
internal sealed record LoadResult(
    IReadOnlyList<Accepted> Accepted, IReadOnlyDictionary<string, int> Refused, IReadOnlyList<double> ChainMs, int Sent, TimeSpan Elapsed,
    int Unfollowed, long StartedAt);

/// <summary>
/// Registrations through the gateway. At a set rate the load is open: each registration leaves at its planned instant
/// whether or not earlier ones were answered, and its time is counted from that instant, so a platform that falls
/// behind shows it in the figures instead of slowing the load down. Flat out, a fixed number of agencies each send
/// the next registration when the last is answered. About one a second is followed to its case through the gateway, as
/// its unit would look: few enough that the polling adds no load of its own (ten a second, polled every 50 ms, were
/// 200 requests a second more once the chain slowed, and slowed it further). Polls that never back off still feed a
/// slow chain: with the chain 20–60 s behind in a fresh stack's warm-up, one follower a second polling every 100 ms
/// was 200–600 requests a second, and answering them was half of handling's CPU, the busiest process (docs/performance.md,
/// "Handling in a fresh stack's first minutes"). So a follower waits a tenth of the time it has waited so far (at least
/// 100 ms), which keeps the time read to within a tenth and the polls per petition to a few dozen however slow the
/// chain, and the warm-up follows none. Every petition's chain time is read from the databases afterwards
/// (<see cref="ChainCheck"/>).
/// </summary>
internal sealed class ChainLoad(IReadOnlyList<HttpClient> portals, IReadOnlyList<HttpClient> unitReaders)
{
    private const int FlatOutSenders = 64;
    private const double FollowedPerSecond = 1;
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_followFor = TimeSpan.FromMinutes(2);

    private readonly ConcurrentBag<Accepted> _accepted = [];
    private readonly ConcurrentDictionary<string, int> _refused = new();
    private readonly ConcurrentBag<double> _chain = [];
    private readonly List<Task> _following = [];
    private int _unfollowed;
    private int _sent;

    // The load's first instant on both clocks: planned instants are Stopwatch timestamps, the services stamp wall time.
    private long _started;
    private DateTimeOffset _wallStart;

    /// <param name="follow">Whether a sample is followed through the gateway; the warm-up's chain is only counted.</param>
    public async Task<LoadResult> RunAsync(BenchOptions options, bool follow = true)
    {
        _started = Stopwatch.GetTimestamp();
        _wallStart = DateTimeOffset.UtcNow;
        if (options.FlatOut)
        {
            using var stop = new CancellationTokenSource(options.Duration);
            await Task.WhenAll(Enumerable.Range(0, FlatOutSenders).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await SubmitAsync(Stopwatch.GetTimestamp(), followEvery: follow ? 100 : 0);
                }
            }));
        }
        else
        {
            var total = (int)(options.Rate * options.Duration.TotalSeconds);
            var followEvery = follow ? Math.Max(1, (int)Math.Round(options.Rate / FollowedPerSecond)) : 0;
            var sending = new List<Task>(total);
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds(i / options.Rate);
                var wait = due - Stopwatch.GetElapsedTime(_started);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                sending.Add(SubmitAsync(_started + (long)(due.TotalSeconds * Stopwatch.Frequency), followEvery));
            }

            await Task.WhenAll(sending);
        }

        var elapsed = Stopwatch.GetElapsedTime(_started);
        Task[] following;
        lock (_following)
        {
            following = [.. _following];
        }

        await Task.WhenAll(following);
        return new LoadResult([.. _accepted], _refused, [.. _chain], _sent, elapsed, _unfollowed, _started);
    }

    private async Task SubmitAsync(long plannedAt, int followEvery)
    {
        var n = Interlocked.Increment(ref _sent);
        var portal = portals[n % portals.Count];
        try
        {
            using var response = await portal.PostAsJsonAsync("/api/intake/petitions", PetitionSamples.Next());
            var submitMs = Stopwatch.GetElapsedTime(plannedAt).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                _refused.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
                return;
            }

            var petitionId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!);
            _accepted.Add(new Accepted(petitionId, _wallStart + Stopwatch.GetElapsedTime(_started, plannedAt), submitMs));
            if (followEvery > 0 && n % followEvery == 0)
            {
                lock (_following)
                {
                    _following.Add(FollowAsync(petitionId, plannedAt, unitReaders[n / followEvery % unitReaders.Count]));
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _refused.AddOrUpdate(e is TaskCanceledException ? "timeout" : "connection", 1, (_, c) => c + 1);
        }
    }

    /// <summary>Polls the petition's cases as its unit until one is there: the chain's time, to within 100 ms or a tenth of it.</summary>
    private async Task FollowAsync(Guid petitionId, long plannedAt, HttpClient unit)
    {
        while (Stopwatch.GetElapsedTime(plannedAt) < s_followFor)
        {
            try
            {
                using var response = await unit.GetAsync(new Uri($"/api/handling/petitions/{petitionId}/cases", UriKind.Relative));
                if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength() > 0)
                {
                    _chain.Add(Stopwatch.GetElapsedTime(plannedAt).TotalMilliseconds);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Asked again at the next poll.
            }

            var waited = Stopwatch.GetElapsedTime(plannedAt);
            await Task.Delay(waited / 10 > s_poll ? waited / 10 : s_poll);
        }

        Interlocked.Increment(ref _unfollowed);
    }
}
