using System.Net;
using System.Net.Http.Json;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The dashboard the AppHost serves next to the stack: its shell, and that the services are told to export to it.</summary>
[Collection("platform")]
public sealed class DashboardShellTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task A_real_browser_shows_the_four_views()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/").ToString());

        var views = await page.Locator("#nav a").AllInnerTextsAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("dashboard-shell") });

        Assert.Equal(["Resources", "Console logs", "Traces", "Metrics"], views);
    }

    [Fact]
    public async Task The_dashboard_serves_its_shell_and_names_itself()
    {
        var page = await platform.Dashboard.GetStringAsync(new Uri("/", UriKind.Relative));
        var info = await platform.Dashboard.GetFromJsonAsync<DashboardInfo>(new Uri("/api/dashboard", UriKind.Relative));

        Assert.Contains("<nav id=\"nav\"", page, StringComparison.Ordinal);
        Assert.Contains("/assets/dashboard.js", page, StringComparison.Ordinal);
        Assert.Equal("PetitionPlatform", info?.Application);
    }

    [Fact]
    public async Task An_unknown_asset_is_not_found()
    {
        using var response = await platform.Dashboard.GetAsync(new Uri("/assets/nothing.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record DashboardInfo(string Application, DateTimeOffset StartedAt);
}
