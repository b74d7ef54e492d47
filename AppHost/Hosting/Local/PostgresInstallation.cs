namespace PetitionPlatform.Hosting.Local;

/// <summary>The PostgreSQL programs of the installed Debian package.</summary>
internal sealed record PostgresInstallation(string BinDirectory)
{
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public static PostgresInstallation Locate(LocalProcessProviderOptions options)
    {
        var root = options.PostgresInstallRoot;
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Directory: d, Version: Version.TryParse(NormalizeVersion(Path.GetFileName(d)), out var v) ? v : null))
                .Where(c => c.Version is not null && File.Exists(Path.Combine(c.Directory, "bin", "postgres")) && File.Exists(Path.Combine(c.Directory, "bin", "initdb")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Directory)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw Prerequisite.Missing("PostgreSQL", $"{root}/*/bin", "postgresql")
            : new PostgresInstallation(Path.Combine(newest, "bin"));
    }

    // Debian names the folders "15" or "9.6"; Version wants at least two parts.
    private static string NormalizeVersion(string name) => name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";
}
