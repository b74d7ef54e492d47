using System.ComponentModel;
using System.Diagnostics;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.Processes;

/// <summary>
/// A process the host started and is responsible for: its output is captured line by line, it can be asked to stop with a
/// real signal, and it is killed (with everything it started) if it does not stop in time or the host lets go of it.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    // util-linux's setsid puts the child in a session of its own (it execs, so the pid stays the server's). Without it a
    // Ctrl+C in the terminal would reach every child at once, and the host could not stop them in dependency order.
    private const string NewSessionTool = "/usr/bin/setsid";

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string source)
    {
        _process = process;
        Source = source;
    }

    public string Source { get; }

    public int Id { get; private set; }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public ResourceLogs Tail { get; } = new(200);

    /// <summary>Completes with the exit code once the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ChildProcess Start(ChildProcessStartInfo info)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = info.WorkingDirectory ?? string.Empty,
        };
        if (File.Exists(NewSessionTool))
        {
            startInfo.FileName = NewSessionTool;
            startInfo.ArgumentList.Add(info.FileName);
        }
        else
        {
            startInfo.FileName = info.FileName;
        }

        foreach (var argument in info.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(n => info.RemoveInheritedPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in info.Environment)
        {
            startInfo.Environment[name] = value;
        }

        if (info.UserName is not null)
        {
            startInfo.UserName = info.UserName;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, info.Source);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, isError: false, info.Output);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, isError: true, info.Output);
        process.Exited += (_, _) => child._exited.TrySetResult(process.ExitCode);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new HostingException($"Could not start {info.FileName}: {e.Message}.", e);
        }

        child.Id = process.Id;
        // Servers never read standard input; closing it keeps them from inheriting the host's terminal.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool Signal(int signal) => !HasExited && Signals.Send(Id, signal);

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="timeout"/>, then kills the process tree.</summary>
    /// <returns>True if the process stopped on the signal, false if it had to be killed.</returns>
    public async Task<bool> StopAsync(int signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return true;
        }

        Signal(signal);
        try
        {
            if (await WaitForExitAsync(timeout, cancellationToken))
            {
                return true;
            }
        }
        catch (OperationCanceledException)
        {
            // Whoever gave up waiting still must not leave the process behind.
            Kill();
            throw;
        }

        Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        return false;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _exited.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exited between the check and the kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }

        _process.Dispose();
    }

    private void OnLine(string? text, bool isError, Action<OutputLine>? output)
    {
        if (text is null)
        {
            return;
        }

        Tail.Add(new LogLine(DateTimeOffset.Now, text, isError));
        output?.Invoke(new OutputLine(Source, text, isError));
    }
}
