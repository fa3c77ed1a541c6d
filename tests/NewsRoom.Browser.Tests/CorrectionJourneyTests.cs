using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsRoom.Web.Data;

namespace NewsRoom.Browser.Tests;

/// <summary>A chief editor corrects a published story and then retracts it, through the desk's pages, as readers watch.</summary>
public class CorrectionJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string ChiefEmail = "chief@browser.test";
    private const string ChiefPassword = "Chief-Passw0rd";

    [ChromiumFact]
    public async Task ChiefEditor_CorrectsAStory_ThenRetractsIt_AndReadersSeeTheNoticeAndThe410()
    {
        await EnsureChiefAsync();
        var (id, headline) = await PublishedStoryAsync();
        var page = await site.NewPageAsync();
        await BrowserSite.KeepScreenshotOnFailureAsync(page, nameof(ChiefEditor_CorrectsAStory_ThenRetractsIt_AndReadersSeeTheNoticeAndThe410), async () =>
        {
            await page.GotoAsync($"/editor/articles/{id}");
            await page.WaitForURLAsync("**/account/login**");
            await page.FillAsync("input[name='Input.Email']", ChiefEmail);
            await page.FillAsync("input[name='Input.Password']", ChiefPassword);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/editor/articles/{id}");

            // From the story's edit page to its 更正与撤稿 page, and a 更正 dated today by default.
            await page.GetByRole(AriaRole.Link, new() { Name = "更正与撤稿" }).ClickAsync();
            await page.WaitForURLAsync($"**/editor/articles/{id}/notices");
            await page.FillAsync("textarea[name='Correction.Text']", "原文所述活动日期有误，应为6月3日。");
            await page.GetByRole(AriaRole.Button, new() { Name = "刊登" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已刊登");

            var reader = await site.NewPageAsync();
            await reader.GotoAsync($"/articles/{id}");
            await Assertions.Expect(reader.Locator("article .corrections .correction")).ToContainTextAsync("应为6月3日");
            await reader.GotoAsync("/");
            await reader.GetByRole(AriaRole.Link, new() { Name = "更正与说明" }).ClickAsync();
            await reader.WaitForURLAsync("**/corrections");
            await Assertions.Expect(reader.Locator($"li.correction[data-article='{id}'] a")).ToHaveTextAsync(headline);

            // A retraction with no reason is refused, in Chinese; with one, the story is withdrawn.
            await page.GetByRole(AriaRole.Button, new() { Name = "撤稿", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-valmsg-for='Retraction.PublicReason']")).ToHaveTextAsync("请填写撤稿理由：读者将在原文地址看到这段话。");
            await page.FillAsync("textarea[name='Retraction.PublicReason']", "经核实，文中主要事实与实际不符。");
            await page.GetByRole(AriaRole.Button, new() { Name = "撤稿", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".article-state strong")).ToHaveTextAsync("已撤稿");

            // A new reader: the first one's browser may keep the story a minute (max-age=60), as any proxy may.
            var later = await site.NewPageAsync();
            var gone = await later.GotoAsync($"/articles/{id}");
            Assert.Equal(410, gone!.Status);
            await Assertions.Expect(later.Locator("h1")).ToHaveTextAsync(headline);
            await Assertions.Expect(later.Locator(".retraction-reason")).ToHaveTextAsync("经核实，文中主要事实与实际不符。");
        });
    }

    private async Task<(int Id, string Headline)> PublishedStoryAsync()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsRoomDb>();
        var story = await db.PublishedArticles.Where(a => a.Headline != null && a.Headline.Length > 4)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Headline }).FirstAsync();
        return (story.Id, story.Headline!);
    }

    private async Task EnsureChiefAsync()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(ChiefEmail) is null)
        {
            var user = new AppUser { UserName = ChiefEmail, Email = ChiefEmail, EmailConfirmed = true, DisplayName = "浏览器总编辑" };
            Assert.True((await users.CreateAsync(user, ChiefPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.ChiefEditor);
        }
    }
}
