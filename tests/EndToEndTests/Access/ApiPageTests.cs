using Microsoft.Playwright;
using PetitionPlatform.EndToEndTests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace PetitionPlatform.EndToEndTests.Access;

/// <summary>
/// The interactive API page of a Development stack (<c>/scalar</c> at the gateway), in Debian's chromium as a developer
/// opens it: it loads the services' documents through the gateway without a token, shows their operations, and gets a
/// token at the gateway's token endpoint with a client's credentials typed into its authentication panel, and sends it.
/// </summary>
[Collection("platform")]
public sealed class ApiPageTests(PlatformFixture platform, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task The_gateways_api_page_shows_the_documents_gets_a_token_with_client_credentials_and_calls_with_it()
    {
        var page = await chromium.NewPageAsync();
        var documents = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/openapi/", StringComparison.Ordinal) && response.Status == 200)
            {
                documents.Add(new Uri(response.Url).AbsolutePath);
            }
        };

        await page.GotoAsync(new Uri(platform.Anonymous.BaseAddress!, "/scalar").ToString());

        // The first document in the page's list is the audit trail's.
        await Expect(page.GetByText("Entries of the trail in order, filtered by petition, client or time").First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains("/openapi/audit.json", documents);

        // The auditor signs in on the page (client credentials in the form body, as the token endpoint takes them).
        // The panel's fields are editable text, labelled by their captions.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Client ID" }).First.FillAsync("auditor");
        await page.GetByLabel("Client Secret").First.FillAsync(platform.Clients.SecretOf("auditor"));
        var token = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).First.ClickAsync(),
            response => response.Url.EndsWith("/connect/token", StringComparison.Ordinal));
        Assert.Equal(200, token.Status);
        Assert.Contains("access_token", await token.TextAsync(), StringComparison.Ordinal);

        // …and the page's own request to the trail carries it: the auditor's call is answered.
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).First.ClickAsync();
        var entries = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync(),
            response => response.Url.Contains("/api/audit/entries", StringComparison.Ordinal));
        Assert.Equal(200, entries.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("api-page"), FullPage = false });
    }
}
