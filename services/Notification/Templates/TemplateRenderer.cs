using System.Text.RegularExpressions;

namespace PetitionPlatform.Notification.Templates;

/// <summary>
/// Fills <c>{name}</c> placeholders. A placeholder without a value is a bug in a template or in the code that plans
/// the message, so it throws rather than sending a citizen a document with a hole in it.
/// </summary>
public static partial class TemplateRenderer
{
    public static string Render(string templateName, string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            return values.TryGetValue(name, out var value)
                ? value
                : throw new TemplateException($"Template '{templateName}' uses placeholder '{{{name}}}', for which no value was given.");
        });
    }

    /// <summary>The placeholder names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

public sealed class TemplateException(string message) : Exception(message);
