using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace NewsRoom.Browser.Tests;

/// <summary>
/// The real site on Kestrel on a free loopback port with a temporary database (seeded by its own first start),
/// and a headless Chromium to drive it. One per test class.
/// </summary>
public sealed class BrowserSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@browser.test";
    public const string AdminPassword = "Browser-Passw0rd";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public BrowserSite() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:NewsRoom", $"Data Source={Path.Combine(_folder, "newsroom.db")}");
        builder.UseSetting("NewsRoom:Media:Path", Path.Combine(_folder, "media"));
        builder.UseSetting("NewsRoom:Admin:Email", AdminEmail);
        builder.UseSetting("NewsRoom:Admin:Password", AdminPassword);
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            // The tests themselves skip (or, under CI, fail with the reason); nothing to start.
            return;
        }
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: keep Chromium from reaching out at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page on the site.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath), $"Chromium is required under CI but missing at {ChromiumFactAttribute.ChromiumPath}");
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Runs a journey; when it fails, keeps a screenshot of where the browser stood, then fails.</summary>
    public static async Task KeepScreenshotOnFailureAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch (Exception)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            throw;
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
