namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>
/// Resource names become environment variable names (<c>ConnectionStrings__intakedb</c>), folder names and OS node names,
/// so they are kept to what all of those accept, as Aspire does.
/// </summary>
internal static class ResourceNames
{
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!char.IsAsciiLetter(name[0]) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-') || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid resource name: use ASCII letters, digits and single hyphens, starting with a letter.", nameof(name));
        }
    }
}
