using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>
/// Aspire's dashboard as an operator sees it, in Debian's chromium: signed in through the login link, the resources page
/// shows every resource running, a registration's trace has spans of all six hops, a service's console shows its lines
/// and its business metric has a chart. Screenshots land in artifacts/screenshots/.
/// </summary>
[Collection("platform")]
public sealed class DashboardPageTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_resources_page_shows_every_resource_running()
    {
        var page = await SignedInAsync();

        foreach (var resource in ResourceTests.Platform)
        {
            // A row's name cell is titled "<type>: <name>"; healthy resources read "Running", others "Running (Unhealthy)".
            var row = page.Locator("tr.fluent-data-grid-row").Filter(new() { Has = page.Locator($"td[title$=': {resource}']") });
            await Expect(row.Locator(".state-column-cell")).ToHaveTextAsync("Running", Patiently);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("resources"), FullPage = true });
    }

    [Fact]
    public async Task A_petition_id_finds_its_trace_which_shows_spans_of_the_gateway_and_all_five_services()
    {
        var (petitionId, traceId) = await DashboardTelemetry.RegisterAsync(platform.Portal);
        await DashboardTelemetry.TraceWithServicesAsync(platform.DashboardApi, traceId, DashboardTelemetry.RegistrationServices);
        // Tall enough that the grid, which draws only the rows in view, draws every span of the trace.
        var page = await SignedInAsync(height: 9000);

        // The traces page filtered as an operator filters it: on the attribute petition.id.
        await page.GotoAsync(new Uri(platform.DashboardApi.BaseAddress!, $"/traces?filters=petition.id:equals:{petitionId}").ToString());
        // One trace, the registration's, shown by the first seven digits of its id.
        var rows = page.Locator("tr.fluent-data-grid-row:not([row-type])");
        await Expect(rows).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(rows).ToContainTextAsync(traceId[..7]);
        // Its page, as the row's link opens it (a click can land before Blazor has wired the row up).
        await page.GotoAsync(new Uri(platform.DashboardApi.BaseAddress!, $"/traces/detail/{traceId}").ToString());

        foreach (var service in DashboardTelemetry.RegistrationServices)
        {
            // Each span's name cell is titled "<resource>: <span name>".
            await Expect(page.Locator($"td[title^='{service}: ']").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await page.SetViewportSizeAsync(1440, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("registration-trace") });
    }

    [Fact]
    public async Task A_service_console_shows_the_lines_it_wrote()
    {
        var (petitionId, _) = await DashboardTelemetry.RegisterAsync(platform.Portal);
        var page = await SignedInAsync();

        await page.GotoAsync(new Uri(platform.DashboardApi.BaseAddress!, "/consolelogs/resource/intake").ToString());

        // Intake writes one line per registration, naming the petition (never the petitioner).
        await Expect(page.GetByText($"Petition {petitionId} registered").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("intake-console") });
    }

    [Fact]
    public async Task The_business_metric_of_registrations_has_points_tagged_with_channel_and_kind()
    {
        await DashboardTelemetry.RegisterAsync(platform.Portal);
        var page = await SignedInAsync();

        await page.GotoAsync(new Uri(platform.DashboardApi.BaseAddress!, "/metrics/resource/intake").ToString());
        // Metrics are exported every 5 s: the instrument appears in the meter's tree once intake has exported it.
        var instrument = page.Locator("fluent-tree-item[title='petition.registered']");
        await Expect(instrument).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var chart = page.GetByText("Petitions registered (routed onwards)").First;
        await ClickUntilVisibleAsync(instrument, chart);
        // The filters list the tag values the recorded points carry: the registration's channel and kind.
        await Expect(page.GetByText("online", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("complaint", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("registrations-metric") });
    }

    /// <summary>
    /// Clicks until the click has shown <paramref name="shown"/>: the server draws the page before its handlers are wired
    /// up, and a click on a drawn but not yet live element does nothing.
    /// </summary>
    private static async Task ClickUntilVisibleAsync(ILocator target, ILocator shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await Expect(shown).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
            }
        }
    }

    /// <summary>A fresh browser context signed in with the dashboard's login link, on the resources page.</summary>
    private async Task<IPage> SignedInAsync(int height = 900)
    {
        var page = await chromium.NewPageAsync(height);
        await page.GotoAsync(platform.DashboardLogin.ToString());
        await Expect(page.Locator("tr.fluent-data-grid-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }
}
