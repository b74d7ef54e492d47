namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// Text the platform does not take anywhere: control characters other than tab and line breaks (PostgreSQL cannot even
/// store U+0000 in a text column, so one in a field or a path segment used to end as a 500), and, in JSON, strings that
/// are not valid Unicode (a lone surrogate). One rule for bodies, paths and query strings.
/// </summary>
public static class UnreadableText
{
    public const string Message = "Control characters (other than tab and line breaks) and text that is not valid Unicode are not accepted.";

    public static bool HasControlCharacters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }
}
