using Microsoft.Playwright;

namespace NewsRoom.Browser.Tests;

public class ReaderJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [ChromiumFact]
    public async Task Reader_GoesFromFrontPageToLeagueArticleReporterAndSearch()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.KeepScreenshotOnFailureAsync(page, nameof(Reader_GoesFromFrontPageToLeagueArticleReporterAndSearch), async () =>
        {
            await page.GotoAsync("/");
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

            // The 12 leagues and cities are always in the navigation.
            await page.GetByRole(AriaRole.Link, new() { Name = "呼伦贝尔市", Exact = true }).First.ClickAsync();
            await page.WaitForURLAsync("**/regions/hulunbeier");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("呼伦贝尔");

            await page.Locator("main a[href^='/articles/']").First.ClickAsync();
            await page.WaitForURLAsync("**/articles/*");
            await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);

            var reporter = page.Locator("main a[href^='/people/']").First;
            var name = (await reporter.InnerTextAsync()).Trim();
            await reporter.ClickAsync();
            await page.WaitForURLAsync("**/people/*");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);

            await page.FillAsync("input[name=q]", "基层减负");
            await page.PressAsync("input[name=q]", "Enter");
            await page.WaitForURLAsync("**/search?q=*");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("呼伦贝尔为基层减负为实干赋能");
        });
    }
}
