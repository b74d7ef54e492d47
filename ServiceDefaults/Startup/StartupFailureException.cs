namespace PetitionPlatform.ServiceDefaults.Startup;

/// <summary>
/// A problem a person can fix (a missing connection string, an unreachable database) found while starting.
/// Its message is one sentence that says what to do.
/// </summary>
public sealed class StartupFailureException(string message, Exception? inner = null) : Exception(message, inner)
{
    private static int s_installed;

    public static StartupFailureException MissingConnectionString(string name) => new(
        $"ConnectionStrings:{name} is not configured. Start the platform with 'dotnet run --project AppHost', " +
        $"or set the environment variable ConnectionStrings__{name}.");

    /// <summary>
    /// Turns a <see cref="StartupFailureException"/> that escapes <c>Main</c> into one line on stderr and exit code 78
    /// (EX_CONFIG) instead of the runtime's stack trace. Any other exception is a bug and keeps its stack trace.
    /// </summary>
    public static void ExplainInsteadOfCrashing(string applicationName)
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, args) =>
        {
            var explanation = Explain(args.ExceptionObject as Exception);
            if (explanation is null)
            {
                return;
            }

            Console.Error.WriteLine($"{applicationName} cannot start: {explanation}");
            Environment.Exit(78);
        };
    }

    /// <summary>The sentence for a failure a person can fix, or null for a bug.</summary>
    internal static string? Explain(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StartupFailureException failure:
                    return failure.Message;
                // Kestrel's bind failure: its message already names the address.
                case IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException }:
                    return $"{current.Message} Stop the process that holds the port, or configure another one (ASPNETCORE_URLS or --urls).";
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Explain).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
