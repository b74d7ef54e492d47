using System.Reflection;

namespace PetitionPlatform.Data;

/// <summary>
/// One versioned SQL script. Its id (<c>platform/0001_messaging</c>, <c>service/0001_initial</c>) is recorded once
/// applied; scripts are never edited after they ship, only followed by new ones.
/// </summary>
public sealed record SqlMigration(string Id, string Sql)
{
    private const string Folder = ".Data.Migrations.";

    /// <summary>Reads the <c>Data/Migrations/*.sql</c> resources of an assembly in file-name order.</summary>
    public static IReadOnlyList<SqlMigration> FromAssembly(Assembly assembly, string scope) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.Contains(Folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlMigration($"{scope}/{FileName(name)}", Read(assembly, name)))
            .ToList();

    private static string FileName(string resource)
    {
        var start = resource.LastIndexOf(Folder, StringComparison.Ordinal) + Folder.Length;
        return resource[start..^".sql".Length];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
