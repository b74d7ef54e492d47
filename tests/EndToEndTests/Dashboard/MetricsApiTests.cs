using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>The business instruments the services export, as the dashboard's metrics API and page show them.</summary>
[Collection("platform")]
public sealed class MetricsApiTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task After_a_registration_a_petition_instrument_has_a_point()
    {
        await TraceDashboard.RegisterAsync(platform.Gateway);

        var instruments = await Eventually.HoldsAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/metrics", UriKind.Relative)),
            all => all.EnumerateArray().Any(i => i.GetProperty("name").GetString() == "petition.registered"),
            because: "intake exports petition.registered",
            seconds: 60);
        var registered = await platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/metrics/petition.registered?service=intake", UriKind.Relative));

        Assert.Contains("intake", instruments.EnumerateArray().Single(i => i.GetProperty("name").GetString() == "petition.registered")
            .GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("sum", registered.GetProperty("type").GetString());
        var points = registered.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("points").EnumerateArray()).ToList();
        Assert.NotEmpty(points);
        Assert.True(points.Max(p => p.GetProperty("value").GetDouble()) >= 1);
    }

    [Fact]
    public async Task An_unknown_instrument_is_a_404_problem()
    {
        using var response = await platform.Dashboard.GetAsync(new Uri("/api/metrics/no.such.instrument", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_metrics_page_charts_the_business_instruments_and_states_its_limits()
    {
        await TraceDashboard.RegisterAsync(platform.Gateway);
        await Eventually.HoldsAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/metrics", UriKind.Relative)),
            all => all.EnumerateArray().Any(i => i.GetProperty("name").GetString() == "petition.registered"),
            because: "intake exports petition.registered",
            seconds: 60);
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(platform.Dashboard.BaseAddress!, "/#/metrics").ToString());
        var card = page.Locator("section.metric-card[data-instrument='petition.registered']");
        await card.Locator("svg.chart polyline, svg.chart circle").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.Locator("p.limits").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("metrics-business-instruments"), FullPage = true });

        Assert.Contains("Keeps the last", await page.Locator("p.limits").InnerTextAsync(), StringComparison.Ordinal);
    }
}
