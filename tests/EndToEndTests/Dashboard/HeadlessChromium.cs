using Microsoft.Playwright;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>
/// Debian's chromium, started headless by Playwright for the dashboard's browser tests. Nothing is downloaded: the browser
/// is the OS package (eng/prerequisites.sh installs it), and the flags keep it off the network this machine cannot reach.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] OfflineFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Debian's chromium is not installed ({ExecutablePath}); run eng/prerequisites.sh.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = OfflineFlags,
        });
    }

    /// <summary>A page in a fresh browser context (no cookies or storage shared between tests), as wide as a laptop screen.</summary>
    public async Task<IPage> NewPageAsync(int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = height } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
