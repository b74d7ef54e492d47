using Microsoft.Playwright;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The Resources page in a real browser, on the running platform.</summary>
[Collection("platform")]
public sealed class ResourcePageTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task The_resources_page_shows_every_resource_running_with_controls_for_the_services()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/#/resources").ToString());

        var rows = page.Locator("table.resources tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(13);
        // Wait for a refresh after every health check has answered, so the picture shows the steady state.
        await Assertions.Expect(page.Locator(".health-healthy")).ToHaveCountAsync(13, new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("dashboard-resources"), FullPage = true });

        var names = await page.Locator("table.resources tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.resource)");
        Assert.Equal(
            ["postgres", "intakedb", "routingdb", "handlingdb", "supervisiondb", "notificationdb", "messaging", "routing", "intake", "handling", "supervision", "notification", "gateway"],
            names);
        Assert.Equal(Enumerable.Repeat("running", 13), await page.Locator("table.resources .state").AllInnerTextsAsync());
        var intake = page.Locator("tr[data-resource=intake]");
        Assert.True(await intake.Locator("button[data-action=stop]").IsEnabledAsync());
        Assert.False(await intake.Locator("button[data-action=start]").IsEnabledAsync());
        Assert.Equal("shared", await page.Locator("tr[data-resource=postgres] td").Last.InnerTextAsync());
        Assert.StartsWith("http://127.0.0.1:", await intake.Locator("a[target=_blank]").GetAttributeAsync("href"), StringComparison.Ordinal);
    }
}
