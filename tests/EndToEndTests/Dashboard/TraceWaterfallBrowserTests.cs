using Microsoft.Playwright;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The traces page in Debian's chromium: a real petition's trace drawn as a waterfall.</summary>
[Collection("platform")]
public sealed class TraceWaterfallBrowserTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task A_petition_trace_opens_as_a_waterfall_with_bars_of_every_service()
    {
        var (_, traceId) = await TraceDashboard.RegisterAsync(platform.Gateway);
        await TraceDashboard.TraceWithServicesAsync(platform.Dashboard, traceId, TraceDashboard.RegistrationServices);
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, $"/#/traces/{traceId}").ToString());
        var rows = page.Locator(".waterfall-row[data-span-id]");
        await rows.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.Locator(".waterfall-row[data-service=notification]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await rows.Nth(1).ClickAsync();
        await page.Locator(".span-details table.attributes").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("petition-trace-waterfall") });

        var services = await page.Locator(".waterfall-row[data-span-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.service)");
        Assert.Superset(TraceDashboard.RegistrationServices.ToHashSet(), services.ToHashSet());
        var barWidths = await page.Locator(".span-bar").EvaluateAllAsync<double[]>("bars => bars.map(b => b.getBoundingClientRect().width)");
        Assert.Equal(services.Length, barWidths.Length);
        Assert.All(barWidths, width => Assert.True(width > 0));
        Assert.Contains(traceId, await page.Locator(".trace-header").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pasted_X_Trace_Id_opens_its_trace_from_the_list()
    {
        var (_, traceId) = await TraceDashboard.RegisterAsync(platform.Gateway);
        await TraceDashboard.TraceWithServicesAsync(platform.Dashboard, traceId, ["gateway"]);
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/#/traces").ToString());
        await page.Locator("input[name=traceId]").FillAsync(traceId.ToUpperInvariant());
        await page.Locator("input[name=traceId]").PressAsync("Enter");
        await page.Locator(".waterfall-row[data-span-id]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        Assert.EndsWith($"#/traces/{traceId}", page.Url, StringComparison.Ordinal);
    }
}
