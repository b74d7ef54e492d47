using System.Diagnostics;

namespace PetitionPlatform.IntegrationTests.Data;

/// <summary>Runs <c>eng/backup.sh</c> and <c>eng/restore.sh</c> as an operator would, from the repository's source tree.</summary>
internal static class BackupScripts
{
    private static readonly string Repository = FindRepository();

    /// <summary>Backs the server up into a new folder under <paramref name="outside"/> and returns that folder (the script's last line).</summary>
    public static async Task<string> BackupAsync(IReadOnlyList<string> server, string password, string outside)
    {
        var output = await RunAsync("backup.sh", password, [.. server, "--out", outside]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    /// <summary>Restores <paramref name="backup"/> into <paramref name="directory"/> on <paramref name="port"/> and returns the running server.</summary>
    public static async Task<RestoredServer> RestoreAsync(string backup, string password, string directory, int port)
    {
        var output = await RunAsync("restore.sh", password, [backup, "--into", directory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return new RestoredServer(directory, port, password, output);
    }

    private static async Task<string> RunAsync(string script, string password, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository, "eng", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository,
        };
        start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(patience.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"eng/{script} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PetitionPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No PetitionPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
