using PetitionPlatform.Bench;

// The platform's figures, measured from outside against a running stack (eng/run.sh): README "Performance".
var (options, problem) = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var data = Path.GetFullPath(options.DataDirectory);
Console.WriteLine($"PetitionPlatform bench {DateTimeOffset.UtcNow:u}; {Report.Machine}; gateway {options.Gateway}");
var server = await StackPostgres.FindAsync(options.Postgres, data);
if (options.History)
{
    return await HistoryRun.RunAsync(options, server, data);
}

if (options.Indicators)
{
    return await IndicatorsRun.RunAsync(options, server, data);
}

LoadResult? load = null;
ChainCounts? counts = null;
IReadOnlyList<(string Part, double Milliseconds)> cpu = [];
if (options.Chain)
{
    await using var clients = StackClients.For(options.Gateway, data);
    // Each client stays under the gateway's 50 requests a second, as agencies sharing the load would.
    var senders = (int)Math.Ceiling((options.FlatOut ? 1000 : options.Rate) / 40);
    var portals = await clients.MakeAsync("portal", "130000/petition-bureau", ["portal"], senders);
    var units = await clients.MakeAsync("unit", PetitionSamples.Unit, ["unit", "reviewer"], 4);
    if (options.WarmUp > TimeSpan.Zero)
    {
        // Drained before the measured load starts, so that neither its backlog nor its JIT and pools count there.
        var warm = await new ChainLoad(portals, units).RunAsync(options with { Duration = options.WarmUp, Rate = options.WarmUpRate, FlatOut = false }, follow: false);
        var warmCounts = await ChainCheck.CountAsync(server, warm.Accepted, warm.StartedAt);
        Console.WriteLine($"warm-up: {warm.Accepted.Count} of {warm.Sent} accepted in {options.WarmUp.TotalSeconds:F0} s at {options.WarmUpRate:0.#}/s, {(warmCounts.Complete ? $"all through the chain {warmCounts.After.TotalSeconds:F0} s after it began" : "not all through the chain")}; lost {warmCounts.Lost}, doubled {warmCounts.Doubled}");
        if (!warmCounts.Complete)
        {
            Console.Error.WriteLine("The warm-up's petitions did not all come through the chain; nothing measured.");
            return 1;
        }

        // Its chain drained is not the stack caught up: audit, the ledger and the notices may still be behind.
        using var broker = await StackBroker.FindAsync(data);
        if (broker is not null)
        {
            var (took, most, quiet) = await broker.WaitUntilQuietAsync(TimeSpan.FromMinutes(5));
            Console.WriteLine(quiet
                ? $"  queues empty {took.TotalSeconds:F0} s after the warm-up's chain drained (at most {most} messages waiting)"
                : $"  queues NOT empty {took.TotalSeconds:F0} s after the warm-up's chain drained (at most {most} waiting): measuring anyway");
        }
    }

    var cpuBefore = ProcessCpu.Read();
    load = await new ChainLoad(portals, units).RunAsync(options);
    counts = await ChainCheck.CountAsync(server, load.Accepted, load.StartedAt);
    // Until the chain drained: the check's own reads once a second are a small part of PostgreSQL's share.
    cpu = ProcessCpu.Read().Since(cpuBefore);
}

var bound = options.Bound ? await CommitBound.MeasureAsync(server, TimeSpan.FromSeconds(10)) : [];
var report = new Report(options, load, counts, bound, cpu);
report.Print(Console.Out);
if (options.Record is { } file)
{
    report.Append(file);
    Console.WriteLine($"recorded in {file}");
}

return counts is { Complete: false } ? 1 : 0;
