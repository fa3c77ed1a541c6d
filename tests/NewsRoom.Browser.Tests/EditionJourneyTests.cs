using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsRoom.Web.Data;
using NewsRoom.Web.Import;

namespace NewsRoom.Browser.Tests;

public class EditionJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [ChromiumFact]
    public async Task Reader_GoesPaperCalendarDayPageStory_ThenNextPage_AndBackToTheCalendar()
    {
        // The seeds print one page per day: two 内蒙古日报 pages are filed as 第1版 and 第2版 of 3 June 2024, as an admin would.
        await FileAsync("000_1e3f9b62d9072bb2.txt", 1, "要闻");
        await FileAsync("003_5c64cc92b6e8f7cc.txt", 2, "地方");
        var page = await site.NewPageAsync();
        await BrowserSite.KeepScreenshotOnFailureAsync(page, nameof(Reader_GoesPaperCalendarDayPageStory_ThenNextPage_AndBackToTheCalendar), async () =>
        {
            await page.GotoAsync("/papers");
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "内蒙古日报", Exact = true }).First.ClickAsync();
            await page.WaitForURLAsync("**/papers/neimenggu-ribao");
            await Assertions.Expect(page.Locator("#calendar-month")).ToHaveTextAsync("2024年6月");

            await page.GetByRole(AriaRole.Link, new() { Name = "2024年6月3日" }).ClickAsync();
            await page.WaitForURLAsync("**/papers/neimenggu-ribao/2024-06-03");
            await page.GetByRole(AriaRole.Link, new() { Name = "第1版 要闻" }).ClickAsync();
            await page.WaitForURLAsync("**/papers/neimenggu-ribao/2024-06-03/1");

            await page.Locator("ol.printed h2 a").First.ClickAsync();
            await page.WaitForURLAsync("**/articles/*");
            var printedOn = page.Locator("a.printed-on");
            await Assertions.Expect(printedOn).ToHaveTextAsync("内蒙古日报 2024年6月3日 第1版");
            await printedOn.ClickAsync();
            await page.WaitForURLAsync("**/papers/neimenggu-ribao/2024-06-03/1");

            await page.GetByRole(AriaRole.Link, new() { Name = "下一版：第2版 地方" }).ClickAsync();
            await page.WaitForURLAsync("**/papers/neimenggu-ribao/2024-06-03/2");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("第2版 地方");

            await page.GetByRole(AriaRole.Link, new() { Name = "内蒙古日报 往期" }).ClickAsync();
            await page.WaitForURLAsync("**/papers/neimenggu-ribao");
            await Assertions.Expect(page.Locator("#calendar-month")).ToHaveTextAsync("2024年6月");
        });
    }

    private async Task FileAsync(string fileName, int pageNumber, string pageName)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsRoomDb>();
        var id = await db.Issues.Where(i => i.SourceFileName == fileName).Select(i => i.Id).SingleAsync();
        Assert.True(await scope.ServiceProvider.GetRequiredService<EditionFiler>().RefileAsync(id, new PageFiling("内蒙古日报", new DateOnly(2024, 6, 3), pageNumber, pageName), default));
    }
}
