using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting.Console;

/// <summary>The host's own log messages, written like a resource's lines under the name "apphost".</summary>
internal sealed class HostConsoleLoggerProvider(ResourceConsole console) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new HostConsoleLogger(console);

    public void Dispose()
    {
    }

    private sealed class HostConsoleLogger(ResourceConsole console) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            if (exception is not null)
            {
                text += $" ({exception.GetType().Name}: {exception.Message})";
            }

            var level = logLevel switch
            {
                LogLevel.Warning => "warning: ",
                LogLevel.Error or LogLevel.Critical => "error: ",
                LogLevel.Debug or LogLevel.Trace => "debug: ",
                _ => string.Empty,
            };
            console.WriteLine(ResourceConsole.HostSource, level + text, logLevel >= LogLevel.Error);
        }
    }
}
