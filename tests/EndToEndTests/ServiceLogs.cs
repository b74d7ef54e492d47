using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PetitionPlatform.EndToEndTests;

/// <summary>
/// Keeps the console lines of the resources as Aspire's test host forwards them to its logging (one record per line,
/// category <c>&lt;app host&gt;.Resources.&lt;resource&gt;</c>), the newest <see cref="Capacity"/> of them, so that a test
/// that failed can print what the services said about the petition it waited for. A run keeps no other logs.
/// </summary>
public sealed partial class ServiceLogs : ILoggerProvider
{
    private const string Marker = ".Resources.";

    /// <summary>Enough for a whole end-to-end run's services at Information, bounded so that a long run cannot exhaust memory.</summary>
    private const int Capacity = 400_000;

    private readonly ConcurrentQueue<Line> _lines = new();

    public ILogger CreateLogger(string categoryName)
    {
        var at = categoryName.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? NullLogger.Instance : new Logger(this, categoryName[(at + Marker.Length)..]);
    }

    /// <summary>
    /// The lines that contain <paramref name="text"/>, each with the <paramref name="before"/> lines its resource wrote
    /// before it (the console formatter puts the level and category on the line above the message), in order.
    /// </summary>
    public IEnumerable<string> About(string text, int before = 2)
    {
        var lines = _lines.ToArray();
        var printed = new HashSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Text.Contains(text, StringComparison.Ordinal))
            {
                continue;
            }

            var context = new List<int> { i };
            for (var j = i - 1; j >= 0 && context.Count <= before; j--)
            {
                if (lines[j].Resource == lines[i].Resource)
                {
                    context.Add(j);
                }
            }

            foreach (var index in context.Where(printed.Add).Order())
            {
                yield return $"{lines[index].At:HH:mm:ss.fff} {lines[index].Resource}: {lines[index].Text}";
            }
        }
    }

    /// <summary>
    /// The lines of one resource at or after <paramref name="since"/> whose text contains any of <paramref name="words"/>,
    /// each with the three lines after it (the scope, the message and the first line of an exception under the console
    /// formatter's level and category).
    /// </summary>
    public IEnumerable<string> Of(string resource, DateTimeOffset since, params string[] words)
    {
        var lines = _lines.Where(l => l.Resource == resource && l.At >= since).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (words.Any(w => lines[i].Text.Contains(w, StringComparison.Ordinal)))
            {
                foreach (var line in lines.Skip(i).Take(4))
                {
                    yield return $"{line.At:HH:mm:ss.fff} {line.Resource}: {line.Text}";
                }
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines that the resource named <paramref name="resource"/> wrote (all its instances).</summary>
    public IEnumerable<string> Last(string resource, int count) =>
        _lines.Where(l => l.Resource == resource).TakeLast(count).Select(l => $"{l.At:HH:mm:ss.fff} {l.Resource}: {l.Text}");

    public void Dispose()
    {
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex Colours();

    private sealed record Line(DateTimeOffset At, string Resource, string Text);

    private sealed class Logger(ServiceLogs logs, string resource) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The services colour their level names, which a search for "warn:" would miss.
            logs._lines.Enqueue(new Line(DateTimeOffset.UtcNow, resource, Colours().Replace(formatter(state, exception), "")));
            while (logs._lines.Count > Capacity && logs._lines.TryDequeue(out _))
            {
            }
        }
    }
}
