using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Console;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// Starts and stops one resource of each kind: servers through the infrastructure provider (data under
/// <c>&lt;data directory&gt;/&lt;name&gt;</c>), databases inside their server, projects as <c>dotnet &lt;dll&gt;</c> child
/// processes. Every line a resource writes goes to its log and to the console.
/// </summary>
internal sealed class ResourceRunner(IInfrastructureProvider provider, AppHostSettings settings, ResourceConsole console, TimeProvider time, ILogger logger)
    : IDisposable
{
    private static readonly TimeSpan ProjectStopTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<ProjectResource, ChildProcess> _projects = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled once the host begins to stop: nothing more starts, and exits from then on are expected.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public Task BeginStoppingAsync() => _stopping.CancelAsync();

    public async Task StartAsync(IResource resource, CancellationToken cancellationToken)
    {
        await (resource switch
        {
            PostgresServerResource server => StartPostgresAsync(server, cancellationToken),
            PostgresDatabaseResource database => database.Parent.Server!.CreateDatabaseAsync(database.DatabaseName, cancellationToken),
            RabbitMQServerResource rabbit => StartRabbitMqAsync(rabbit, cancellationToken),
            ProjectResource project => StartProjectAsync(project, cancellationToken),
            _ => throw new HostingException($"'{resource.Name}' is a {resource.GetType().Name}, which this host cannot start."),
        });
        if (resource is not ProjectResource)
        {
            ((Resource)resource).StartedAt = time.GetLocalNow();
        }
    }

    public async Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        var mutable = (Resource)resource;
        var wasStarted = resource.State is not (ResourceState.NotStarted or ResourceState.Waiting);
        try
        {
            switch (resource)
            {
                case ProjectResource project when _projects.TryRemove(project, out var process):
                    mutable.State = ResourceState.Stopping;
                    // ASP.NET Core stops gracefully on SIGTERM: requests drain, hosted services stop.
                    if (!await process.StopAsync(Signals.Terminate, ProjectStopTimeout, cancellationToken))
                    {
                        OrchestratorLog.Killed(logger, project.Name, ProjectStopTimeout.TotalSeconds);
                    }

                    if (process.HasExited)
                    {
                        project.ExitCode = await process.Exited;
                    }

                    await process.DisposeAsync();
                    project.RunningProcessId = null;
                    break;
                case PostgresServerResource { Server: { } server } postgres:
                    mutable.State = ResourceState.Stopping;
                    await server.DisposeAsync();
                    postgres.Server = null;
                    break;
                case RabbitMQServerResource { Server: { } server } rabbit:
                    mutable.State = ResourceState.Stopping;
                    await server.DisposeAsync();
                    rabbit.Server = null;
                    break;
            }
        }
        catch (Exception e)
        {
            OrchestratorLog.StopFailed(logger, resource.Name, e);
        }
        finally
        {
            mutable.State = wasStarted ? ResourceState.Stopped : ResourceState.NotStarted;
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartPostgresAsync(PostgresServerResource resource, CancellationToken cancellationToken)
    {
        resource.Server = await provider.StartPostgresAsync(
            new PostgresServerOptions(resource.Name, Path.Combine(settings.DataDirectory, resource.Name))
            {
                Port = resource.Port,
                Output = line => Emit(resource, line),
            },
            cancellationToken);
    }

    private async Task StartRabbitMqAsync(RabbitMQServerResource resource, CancellationToken cancellationToken)
    {
        resource.Server = await provider.StartRabbitMqAsync(
            new RabbitMqServerOptions(resource.Name, Path.Combine(settings.DataDirectory, resource.Name))
            {
                AmqpPort = resource.Port,
                ManagementPort = resource.ManagementPort,
                Username = resource.Username,
                Password = resource.Password,
                Output = line => Emit(resource, line),
            },
            cancellationToken);
    }

    private async Task StartProjectAsync(ProjectResource project, CancellationToken cancellationToken)
    {
        // A process that exited on its own is still held (for its exit code); let go of it before its successor starts.
        if (_projects.TryRemove(project, out var previous))
        {
            await previous.DisposeAsync();
        }

        var process = ChildProcess.Start(new ChildProcessStartInfo(project.Name, DotnetHost.Path, [project.Metadata.TargetPath])
        {
            // The service's content root (its appsettings.json) is the folder of its dll.
            WorkingDirectory = Path.GetDirectoryName(project.Metadata.TargetPath),
            Environment = ProjectEnvironment.For(project, settings),
            Output = line => Emit(project, line),
        });
        _projects[project] = process;
        project.RunningProcessId = process.Id;
        project.StartedAt = time.GetLocalNow();
        project.ExitCode = null;
        _ = process.Exited.ContinueWith(
            exited =>
            {
                // A process stopped on purpose was removed first, and after a restart a late notice of the old process
                // must not touch its successor: only the current process's own exit counts.
                if (!_projects.TryGetValue(project, out var current) || current != process)
                {
                    return;
                }

                project.ExitCode = exited.Result;
                project.RunningProcessId = null;
                if (!Stopping.IsCancellationRequested && project.State == ResourceState.Running)
                {
                    project.State = ResourceState.Exited;
                    OrchestratorLog.Exited(logger, project.Name, exited.Result);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        if (project.HealthCheckPath is not null)
        {
            await HealthProbe.WaitUntilHealthyAsync(project, process, settings.StartupTimeout, cancellationToken);
        }
    }

    private void Emit(IResource resource, OutputLine line)
    {
        var text = line.Source == resource.Name ? line.Text : $"[{line.Source}] {line.Text}";
        resource.Logs.Add(new LogLine(time.GetLocalNow(), text, line.IsError));
        console.WriteLine(resource.Name, text);
    }
}
