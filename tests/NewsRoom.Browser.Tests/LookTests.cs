using System.Globalization;
using Microsoft.Playwright;

namespace NewsRoom.Browser.Tests;

/// <summary>
/// The reader site's look in Chromium at a desktop and a phone width. Each test keeps its screenshots under the test
/// output (screenshots/look-*.png) whether it passes or not, so a change of look can be seen as well as checked.
/// </summary>
public class LookTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    public static TheoryData<int, int> Widths => new() { { 1280, 900 }, { 390, 844 } };

    private async Task<IPage> OpenAsync(int width, int height, string path)
    {
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(path);
        return page;
    }

    private static async Task KeepAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"look-{name}.png"), FullPage = true });
    }

    private static Task<double> NumberAsync(IPage page, string script) => page.EvaluateAsync<double>(script);

    [ChromiumTheory]
    [MemberData(nameof(Widths))]
    public async Task FrontPage_LeadIsAboveTheFoldAndWide_WithNoSidewaysScroll(int width, int height)
    {
        var page = await OpenAsync(width, height, "/");
        await BrowserSite.KeepScreenshotOnFailureAsync(page, $"front-{width}-failed", async () =>
        {
            await KeepAsync(page, $"front-{width}");
            Assert.True(await NumberAsync(page, "document.documentElement.scrollWidth") <= width,
                $"the front page scrolls sideways at {width} px");

            var lead = await page.Locator("section.lead h2").BoundingBoxAsync();
            Assert.NotNull(lead);
            Assert.True(lead.Y + lead.Height <= height, $"the lead headline ends at {lead.Y + lead.Height} px, below the fold at {height}");
            // The lead takes most of the page's width: two thirds beside the photo news, the whole column on a phone.
            var wanted = width >= 1000 ? 600 : width - 60;
            Assert.True(lead.Width >= wanted, $"the lead headline is {lead.Width} px wide, under {wanted}");

            // Masthead: the site's name and the date; the twelve leagues all reachable.
            await Assertions.Expect(page.Locator(".brand")).ToHaveTextAsync("北疆新闻");
            await Assertions.Expect(page.Locator(".today time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}年\d{1,2}月\d{1,2}日 星期"));
            await Assertions.Expect(page.Locator(".leagues a")).ToHaveCountAsync(12);

            // Lists carry no underlines.
            Assert.Equal("none", await page.EvaluateAsync<string>(
                "getComputedStyle(document.querySelector('.article-list a')).textDecorationLine"));
        });
    }

    [ChromiumTheory]
    [MemberData(nameof(Widths))]
    public async Task ArticlePage_BodyIsJustifiedWithLineHeight18_InAChineseFont_AndFitsTheWidth(int width, int height)
    {
        var page = await OpenAsync(width, height, "/regions/hulunbeier");
        await page.Locator("main .article-list a[href^='/articles/']").First.ClickAsync();
        await page.WaitForURLAsync("**/articles/*");
        await BrowserSite.KeepScreenshotOnFailureAsync(page, $"article-{width}-failed", async () =>
        {
            await KeepAsync(page, $"article-{width}");
            Assert.True(await NumberAsync(page, "document.documentElement.scrollWidth") <= width,
                $"the article page scrolls sideways at {width} px");

            var paragraph = page.Locator(".body p").First;
            var lineHeight = await paragraph.EvaluateAsync<double>("p => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize)");
            Assert.InRange(lineHeight, 1.75, 1.85);
            Assert.Equal("justify", await paragraph.EvaluateAsync<string>("p => getComputedStyle(p).textAlign"));
            var fonts = await paragraph.EvaluateAsync<string>("p => getComputedStyle(p).fontFamily");
            Assert.Contains("Noto Sans CJK SC", fonts, StringComparison.Ordinal);

            var title = await page.Locator("h1").BoundingBoxAsync();
            Assert.NotNull(title);
            Assert.True(title.Y < height / 2.0, string.Create(CultureInfo.InvariantCulture, $"the headline starts at {title.Y} px"));
        });
    }

    [ChromiumTheory]
    [MemberData(nameof(Widths))]
    public async Task RegionSearchAndPhotoPages_FitThePhoneWidth(int width, int height)
    {
        foreach (var (path, name) in new[] { ("/regions/hulunbeier", "region"), ("/search?q=%E5%8C%85%E5%A4%B4", "search"), ("/photos", "photos") })
        {
            var page = await OpenAsync(width, height, path);
            await KeepAsync(page, $"{name}-{width}");
            Assert.True(await NumberAsync(page, "document.documentElement.scrollWidth") <= width,
                $"{path} scrolls sideways at {width} px");
            await page.Context.CloseAsync();
        }
    }
}
