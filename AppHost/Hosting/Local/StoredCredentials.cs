using System.Security.Cryptography;
using System.Text.Json;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// A server's credentials, generated on first start and kept (mode 0600) beside its data: the data was initialised with
/// them, so every later run must use the same ones.
/// </summary>
internal sealed record StoredCredentials(string Username, string Password)
{
    public const string FileName = "credentials.json";

    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static StoredCredentials Generate(string username) => new(username, RandomNumberGenerator.GetString(Alphabet, 32));

    /// <summary>
    /// The stored credentials, or <paramref name="requested"/> (generated if null) stored now. Credentials that differ
    /// from the stored ones cannot work against the existing data, so that is a failure rather than a silent mismatch.
    /// </summary>
    public static StoredCredentials LoadOrCreate(string directory, string serverName, Func<StoredCredentials> create, StoredCredentials? requested)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<StoredCredentials>(File.ReadAllText(path))
                ?? throw new HostingException($"The credentials file {path} is empty; delete {directory} to start '{serverName}' afresh.");
            return requested is null || requested == stored
                ? stored
                : throw new HostingException(
                    $"The data of '{serverName}' in {directory} was created with other credentials; use those in {path} or delete the directory.");
        }

        var credentials = requested ?? create();
        WriteSecret(path, JsonSerializer.Serialize(credentials));
        return credentials;
    }

    /// <summary>Writes a file only its owner can read.</summary>
    public static void WriteSecret(string path, string contents)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
    }
}
