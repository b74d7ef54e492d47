
namespace PetitionPlatform.Notification.Templates;

/// <summary>
/// The templates embedded in the service, read once. A missing template file stops the service at start rather than
/// at the first event that needs it.
/// </summary>
public sealed class TemplateLibrary
{
    private readonly IReadOnlyDictionary<string, string> _templates;

    private TemplateLibrary(IReadOnlyDictionary<string, string> templates) => _templates = templates;

    public static TemplateLibrary FromAssembly()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in TemplateNames.All)
        {
            var resource = $"{assembly.GetName().Name}.Templates.{name}.txt";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new TemplateException($"Template '{name}' is missing: expected Templates/{name}.txt embedded in {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            templates[name] = reader.ReadToEnd().TrimEnd();
        }

        return new TemplateLibrary(templates);
    }

    public string TextOf(string name) => _templates.TryGetValue(name, out var text)
        ? text
        : throw new TemplateException($"There is no template '{name}'.");

    public string Render(string name, IReadOnlyDictionary<string, string> values) => TemplateRenderer.Render(name, TextOf(name), values);
}
