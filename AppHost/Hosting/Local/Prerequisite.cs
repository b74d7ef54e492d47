using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>The one-sentence failures for a missing OS package.</summary>
internal static class Prerequisite
{
    public static HostingException Missing(string what, string where, string package)
    {
        var install = Signals.IsRoot ? "apt-get install" : "sudo apt-get install";
        return new HostingException($"{what} was not found at {where}; install it with '{install} {package}'.");
    }
}
