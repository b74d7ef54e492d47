namespace PetitionPlatform.Contracts;

/// <summary>
/// The shape of the API's enum values and directory words (API.md: "enum values are kebab-case strings"): lower-case
/// words of ASCII letters and digits joined by single hyphens, starting with a letter — <c>wage-arrears</c>,
/// <c>township-gov</c>, <c>qr-code</c>.
/// </summary>
public static class KebabCase
{
    public static bool IsWellFormed(string? word)
    {
        if (string.IsNullOrEmpty(word) || !char.IsAsciiLetterLower(word[0]) || word[^1] == '-' || word.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        return word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }
}
