using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PetitionPlatform.TestSupport;

/// <summary>A log record as a provider receives it: its text, its state's values, and the values of its scopes.</summary>
public sealed record CapturedLog(string Category, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values);

/// <summary>
/// A logger provider that keeps every record with its scopes, as the console formatter would print them: this is how
/// a test sees the TraceId and SpanId the host's activity tracking adds to each record.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<KeyValuePair<string, object?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> own)
            {
                values.AddRange(own);
            }

            capture._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs);
                }
            }, values);
            capture._records.Enqueue(new CapturedLog(category, formatter(state, exception) + (exception is null ? "" : " " + exception), values));
        }
    }
}
