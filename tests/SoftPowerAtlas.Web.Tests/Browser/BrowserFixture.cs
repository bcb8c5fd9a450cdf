using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SoftPowerAtlas.Web.Tests.Support;

namespace SoftPowerAtlas.Web.Tests.Browser;

/// <summary>
/// The app on real Kestrel at 127.0.0.1 (a free port) over this test's own database, and the system
/// Chromium driven by Playwright, headless, with no sandbox and no background networking.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestDatabase _db = null!; // All set in InitializeAsync, before any test runs.
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    protected string BaseUrl { get; private set; } = string.Empty;

    protected IPage Page { get; private set; } = null!;

    /// <summary>The running app's services (the user store, for tests that sign in).</summary>
    protected IServiceProvider Services => _app.Services;

    /// <summary>Where screenshots go: the test output folder.</summary>
    protected static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium");
        _db = await TestDatabase.CreateAsync();
        _app = AtlasWebHost.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Services.AddSingleton(TestText.Shared);
            b.Configuration["Atlas:Database"] = _db.Path;
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();
        Assert.StartsWith("http://127.0.0.1:", BaseUrl, StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        });
        Page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1360, Height = 900 }, BaseURL = BaseUrl });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _db.Dispose();
    }

    /// <summary>Runs axe-core on the page as shown and fails on any serious or critical violation, naming each.</summary>
    protected async Task AssertAccessible()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    protected Task Screenshot(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });
}
