namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>The <c>dotnet</c> executable that runs the host itself, so services run on the same installation.</summary>
internal static class DotnetHost
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // Set by the SDK for 'dotnet run' and 'dotnet test'.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll, with dotnet in <root>.
        var runtimeDirectory = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDirectory is not null)
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtimeDirectory, "..", "..", "..", "dotnet"));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
