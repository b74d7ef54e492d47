using System.Security.Cryptography;

namespace PetitionPlatform.AppHost;

/// <summary>
/// The AppHost's own folder, <c>AppHost:DataDirectory</c> (default <c>.data/</c> at the repository root, git-ignored): the
/// local servers' data and the secrets generated at first start.
/// </summary>
internal static class AppHostData
{
    private const string SecretAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Directory(IDistributedApplicationBuilder builder) =>
        builder.Configuration["AppHost:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".data"));

    /// <summary>
    /// A secret generated at first start and kept (mode 0600) in <c>secrets/&lt;name&gt;</c>: a server initialised with a
    /// password keeps expecting it. Letters and digits only, since some travel inside an amqp:// URI.
    /// </summary>
    public static string Secret(IDistributedApplicationBuilder builder, string name) =>
        Kept(builder, name, () => RandomNumberGenerator.GetString(SecretAlphabet, 32));

    private static string Kept(IDistributedApplicationBuilder builder, string name, Func<string> generate)
    {
        var path = Path.Combine(Directory(builder), "secrets", name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = generate();
        File.WriteAllText(path, secret);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }

    /// <summary>A 32-byte key, base64, generated at first start and kept (mode 0600) in <c>secrets/&lt;name&gt;</c>.</summary>
    public static string Key(IDistributedApplicationBuilder builder, string name) =>
        Kept(builder, name, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>
    /// The dashboard's telemetry API (<c>/api/telemetry/…</c>) answers the <c>x-api-key</c> kept in
    /// <c>secrets/dashboard-api-key</c>, so that scripts can read a petition's trace; the pages keep Aspire's login link.
    /// It replaces the key Aspire generates afresh at every start, which nothing outside the AppHost can know.
    /// </summary>
    public static void KeepDashboardApiKey(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Configuration["AppHost:DashboardApiKey"] = Secret(builder, "dashboard-api-key");
        }
    }
}
