namespace PetitionPlatform.Intake.Domain;

/// <summary>The 18-character resident identity number of GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class CitizenIdNumber
{
    private static readonly int[] s_weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string value)
    {
        var id = Normalize(value);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        return id[17] == CheckCharacterOf(id[..17]);
    }

    /// <summary>A well-formed number from its first 17 digits (region, birthday, sequence): what test data and benchmarks make.</summary>
    public static string Complete(string first17) => first17 + CheckCharacterOf(first17);

    private static char CheckCharacterOf(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * s_weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Upper-case, no surrounding spaces: the form that is hashed and encrypted.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
