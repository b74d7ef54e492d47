using System.Globalization;
using System.Text;

namespace PetitionPlatform.Intake.Repeats;

/// <summary>
/// How alike two submissions read: the Jaccard similarity of the sets of character bigrams of their normalised text.
/// Bigrams suit Chinese, which has no spaces between words, and survive reordered sentences and small rewordings;
/// a set (not a bag) keeps one long paragraph repeated twice from outweighing the rest.
/// </summary>
public static class SubmissionSimilarity
{
    /// <summary>0 (nothing in common) to 1 (the same characters in the same pairs). Empty text is similar to nothing.</summary>
    public static double Of(string first, string second)
    {
        var a = Bigrams(first);
        var b = Bigrams(second);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>
    /// Compatibility-normalised (full-width "ＡＢ１" reads as "ab1"), lower-case, letters and digits only: punctuation,
    /// spaces and line breaks say nothing about the matter and differ between channels (a letter typed up, an SMS).
    /// </summary>
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                kept.Append(Rune.ToLower(rune, CultureInfo.InvariantCulture).ToString());
            }
        }

        return kept.ToString();
    }

    public static IReadOnlySet<string> Bigrams(string text)
    {
        var runes = Normalize(text).EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (runes.Length == 1)
        {
            return new HashSet<string>(runes, StringComparer.Ordinal);
        }

        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Length; i++)
        {
            pairs.Add(runes[i] + runes[i + 1]);
        }

        return pairs;
    }
}
