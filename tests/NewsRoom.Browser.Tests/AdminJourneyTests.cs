using Microsoft.Playwright;

namespace NewsRoom.Browser.Tests;

public class AdminJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [ChromiumFact]
    public async Task Admin_PreviewsAndRunsAReimport_AndWatchesTheProgressBarToTheEnd()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.KeepScreenshotOnFailureAsync(page, nameof(Admin_PreviewsAndRunsAReimport_AndWatchesTheProgressBarToTheEnd), async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("input[name='Input.Email']", BrowserSite.AdminEmail);
            await page.FillAsync("input[name='Input.Password']", BrowserSite.AdminPassword);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();

            await page.GotoAsync("/admin/import");
            await page.GetByRole(AriaRole.Link, new() { Name = "预览全部文件" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/import/preview**");
            // Right after first start every seed is already imported: the preview promises no change.
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("未变");

            await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/import/run/*");
            await Assertions.Expect(page.Locator("progress#run-files")).ToBeVisibleAsync();
            // The page follows the run on its own until it ends, then shows every file done.
            await Assertions.Expect(page.Locator("[data-field=text]")).ToHaveTextAsync("完成", new() { Timeout = 60_000 });
            var progress = page.Locator("progress#run-files");
            Assert.Equal(await progress.GetAttributeAsync("max"), await progress.GetAttributeAsync("value"));
        });
    }
}
