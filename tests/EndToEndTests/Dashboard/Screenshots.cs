namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>
/// Where browser tests leave their screenshots: <c>artifacts/screenshots/</c> in the repository, next to the test results,
/// so a CI run's pictures can be looked at afterwards.
/// </summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PetitionPlatform.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
