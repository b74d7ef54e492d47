using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.UnitTests.Notification;

public sealed class TemplateRenderingTests
{
    private static readonly TemplateLibrary s_library = TemplateLibrary.FromAssembly();

    public static TheoryData<string> Templates() => [.. TemplateNames.All];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_renders_each_of_its_placeholders(string name)
    {
        var placeholders = TemplateRenderer.PlaceholdersOf(s_library.TextOf(name));
        var values = placeholders.ToDictionary(p => p, p => $"<{p}>");

        var text = s_library.Render(name, values);

        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, p => Assert.Contains($"<{p}>", text, StringComparison.Ordinal));
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_quotes_the_petition_number()
    {
        Assert.All(TemplateNames.All, name => Assert.Contains("number", TemplateRenderer.PlaceholdersOf(s_library.TextOf(name))));
    }

    [Fact]
    public void A_placeholder_without_a_value_fails_loudly()
    {
        var ex = Assert.Throws<TemplateException>(() =>
            TemplateRenderer.Render("probe", "编号{number}，单位{unit}", new Dictionary<string, string> { ["number"] = "1" }));

        Assert.Contains("{unit}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("probe", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_inserted_literally_even_when_they_look_like_placeholders()
    {
        var text = TemplateRenderer.Render("probe", "理由：{reason}。", new Dictionary<string, string> { ["reason"] = "见{附件}" });

        Assert.Equal("理由：见{附件}。", text);
    }

    [Fact]
    public void An_unknown_template_name_fails()
    {
        Assert.Throws<TemplateException>(() => s_library.TextOf("no-such-template"));
    }
}
