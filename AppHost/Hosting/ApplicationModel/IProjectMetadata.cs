namespace PetitionPlatform.Hosting;

/// <summary>
/// A service project the host runs, as generated into <c>Projects.&lt;Name&gt;</c> classes from the AppHost's
/// <c>IsServiceProject</c> project references (see ServiceProjectMetadata.targets).
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    /// <summary>The project's built assembly; the host runs <c>dotnet &lt;TargetPath&gt;</c>.</summary>
    string TargetPath { get; }
}
