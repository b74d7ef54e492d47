using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The Console logs page in a real browser: a service's output appears live while the page is open.</summary>
[Collection("platform")]
public sealed class ConsolePageTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task The_console_page_shows_a_line_the_service_writes_while_it_is_open()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/#/console/intake").ToString());
        await Assertions.Expect(page.Locator("#console-connection")).ToHaveTextAsync("live");
        await Assertions.Expect(page.Locator("#console-log .line").First).ToBeVisibleAsync();

        // Intake logs each petition it registers (by id only), so registering one through the gateway writes a new line.
        using var response = await platform.Gateway.PostAsJsonAsync("/api/intake/petitions", Petitions.GuyuanWageArrears());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString();
        var line = page.Locator("#console-log .line", new() { HasText = $"Petition {petitionId} registered" });
        await Assertions.Expect(line).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("dashboard-console") });

        Assert.Contains("keeps the last 2000 lines per resource", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#console-follow").IsCheckedAsync());

        await page.FillAsync("#console-filter", petitionId!);
        var shown = await page.Locator("#console-log .line:visible").AllInnerTextsAsync();
        Assert.NotEmpty(shown);
        Assert.All(shown, text => Assert.Contains(petitionId!, text, StringComparison.Ordinal));
        Assert.True(await page.Locator("#console-log .line").CountAsync() > shown.Count);
    }
}
