using System.Reflection;
using System.Runtime.ExceptionServices;

namespace PetitionPlatform.Hosting.Testing;

/// <summary>
/// Starts an AppHost's own graph inside a test: runs the AppHost assembly's entry point (its Program.cs) on a background
/// thread with the given arguments, and returns once every resource is ready. The application runs until the returned
/// <see cref="RunningApplication"/> is disposed.
/// </summary>
public static class DistributedApplicationFactory
{
    /// <param name="args">Command-line arguments for the AppHost, e.g. <c>--AppHost:DataDirectory=/tmp/x --Gateway:Port=0</c>.</param>
    /// <exception cref="HostingException">A resource could not start; nothing is left running.</exception>
    public static async Task<RunningApplication> StartAsync(Assembly appHostAssembly, string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appHostAssembly);
        ArgumentNullException.ThrowIfNull(args);
        var entryPoint = appHostAssembly.EntryPoint
            ?? throw new ArgumentException($"{appHostAssembly.GetName().Name} has no entry point; pass the AppHost's assembly.", nameof(appHostAssembly));
        var session = new FactorySession(Path.GetDirectoryName(appHostAssembly.Location) is { Length: > 0 } directory ? directory : AppContext.BaseDirectory);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunEntryPoint(entryPoint, args, session, finished))
        {
            IsBackground = true,
            Name = $"AppHost {appHostAssembly.GetName().Name}",
        };
        thread.Start();

        using (cancellationToken.Register(session.Cancel))
        {
            await Task.WhenAny(session.Application, finished.Task);
        }

        if (session.Application.IsCompletedSuccessfully)
        {
            return new RunningApplication(session, session.Application.Result, finished.Task);
        }

        session.Release();
        try
        {
            await finished.Task;
        }
        finally
        {
            session.Dispose();
        }

        if (session.Application.Exception?.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        throw new InvalidOperationException($"The entry point of {appHostAssembly.GetName().Name} returned without calling DistributedApplication.Run().");
    }

    private static void RunEntryPoint(MethodInfo entryPoint, string[] args, FactorySession session, TaskCompletionSource finished)
    {
        session.Enter();
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }

            finished.TrySetResult();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            finished.TrySetException(e.InnerException);
        }
        catch (Exception e)
        {
            finished.TrySetException(e);
        }
    }
}
