using System.Globalization;

namespace PetitionPlatform.Bench;

/// <summary>What to measure and against which stack, from the command line.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: eng/bench.sh [chain|bound|all|history|indicators] [options]
          chain: registrations through the gateway at a rate (or flat out), a sample followed to its case, all checked after
          bound: the PostgreSQL server's own durable commits a second (4 and 16 clients)
          all:   both, and the platform's rate as a share of the server's (the default)
          history: open clocks written straight into supervision's database, then the stack's next deadline
                 evaluations timed (run it on a stack started for it: the history stays)
          indicators: a province's petitions written straight into supervision's database as the evaluation keeps
                 them for the indicators, then the indicators endpoint timed over periods from a day to the whole
                 history (on a stack started for it: the history stays)
        options:
          --gateway URL        the stack's gateway (default http://localhost:5080)
          --data DIR           the stack's data directory, for the operators' secret and the server (default .data)
          --rate N             petitions offered a second (default 100); --flat-out sends as fast as answers come
          --duration S         seconds of load (default 60)
          --warm-up S          chain: first S seconds of load, drained and checked but not in the figures, then
                               the broker's queues waited on until empty (default 180: a fresh stack's code is
                               optimised over its first minutes of work, and its first runs cost two to three times
                               the steady figure; 0 for none)
          --warm-up-rate N     petitions offered a second during the warm-up (default: --rate, at most 10)
          --postgres CONN      the server for 'bound' as an Npgsql connection string (default: found from --data)
          --clocks N           history: open clocks to write (default 1000000)
          --due-share F        history: the share of them whose reminder is due at the next run (default 0.01)
          --petitions N        indicators: petitions to write (default 10000000)
          --years Y            indicators: years they are spread over, up to yesterday (default 5)
          --regions N          indicators: N synthetic town codes under 130000 (default 0: the demo directory's four)
          --no-write           indicators: time the requests over the history an earlier run wrote
          --dashboard URL      history: the dashboard whose telemetry API reports the runs (default http://localhost:18888)
          --record FILE        append the figures as a table row to FILE (e.g. docs/performance.md)
        """;

    public string Mode { get; init; } = "all";

    public Uri Gateway { get; init; } = new("http://localhost:5080");

    public string DataDirectory { get; init; } = ".data";

    public double Rate { get; init; } = 100;

    public bool FlatOut { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The runtime optimises code once it has been hot for a while, so the warm-up's length matters, not its rate; at
    /// most ten a second, which the chain carries without a backlog, it warms up without first spending tens of minutes
    /// on draining a backlog of its own.
    /// </summary>
    public double WarmUpRate => GivenWarmUpRate ?? Math.Min(Rate, 10);

    /// <summary><c>--warm-up-rate</c>, when given.</summary>
    public double? GivenWarmUpRate { get; init; }

    public string? Postgres { get; init; }

    public string? Record { get; init; }

    public int Clocks { get; init; } = 1_000_000;

    public double DueShare { get; init; } = 0.01;

    public Uri Dashboard { get; init; } = new("http://localhost:18888");

    public long Petitions { get; init; } = 10_000_000;

    public int Years { get; init; } = 5;

    public int Regions { get; init; }

    public bool WriteHistory { get; init; } = true;

    public bool Indicators => Mode is "indicators";

    public bool History => Mode is "history";

    public bool Chain => Mode is "chain" or "all";

    public bool Bound => Mode is "bound" or "all";

    /// <summary>The options, or the reason they cannot be read.</summary>
    public static (BenchOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var i = 0;
        if (args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (args[0] is not ("chain" or "bound" or "all" or "history" or "indicators"))
            {
                return (null, $"Unknown mode '{args[0]}'.");
            }

            options = options with { Mode = args[0] };
            i = 1;
        }

        for (; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--flat-out")
            {
                options = options with { FlatOut = true };
                continue;
            }

            if (name == "--no-write")
            {
                options = options with { WriteHistory = false };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--gateway" when Uri.TryCreate(value, UriKind.Absolute, out var gateway):
                    options = options with { Gateway = gateway };
                    break;
                case "--data":
                    options = options with { DataDirectory = value };
                    break;
                case "--rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= 10_000:
                    options = options with { Rate = rate };
                    break;
                case "--duration" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--warm-up" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var warmUp) && warmUp <= 3600:
                    options = options with { WarmUp = TimeSpan.FromSeconds(warmUp) };
                    break;
                case "--warm-up-rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var warmUpRate) && warmUpRate is > 0 and <= 10_000:
                    options = options with { GivenWarmUpRate = warmUpRate };
                    break;
                case "--postgres":
                    options = options with { Postgres = value };
                    break;
                case "--clocks" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var clocks) && clocks is > 0 and <= 50_000_000:
                    options = options with { Clocks = clocks };
                    break;
                case "--due-share" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1:
                    options = options with { DueShare = share };
                    break;
                case "--petitions" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var petitions) && petitions is > 0 and <= 100_000_000:
                    options = options with { Petitions = petitions };
                    break;
                case "--years" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is > 0 and <= 20:
                    options = options with { Years = years };
                    break;
                case "--regions" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var regions) && regions <= 17_600:
                    options = options with { Regions = regions };
                    break;
                case "--dashboard" when Uri.TryCreate(value, UriKind.Absolute, out var dashboard):
                    options = options with { Dashboard = dashboard };
                    break;
                case "--record":
                    options = options with { Record = value };
                    break;
                default:
                    return (null, $"'{name} {value}' is not an option this program takes, or not a value it takes.");
            }
        }

        return (options, null);
    }
}
