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
            var failure = Find(args.ExceptionObject as Exception);
            if (failure is null)
            {
                return;
            }

            Console.Error.WriteLine($"{applicationName} cannot start: {failure.Message}");
            Environment.Exit(78);
        };
    }

    private static StartupFailureException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StartupFailureException failure)
            {
                return failure;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
