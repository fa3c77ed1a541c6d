using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace NewsRoom.Browser.Tests;

public partial class EditorJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string EditorEmail = "editor@browser.test";
    private const string EditorPassword = "Editor-Passw0rd";

    [ChromiumFact]
    public async Task Editor_WritesADraftWithLivePreview_PublishesIt_AndFindsItOnItsRegionPage()
    {
        await EnsureEditorAsync();
        var page = await site.NewPageAsync();
        var headline = $"乌海湖畔书香浓 浏览器测试{Guid.NewGuid().ToString("N")[..6]}";
        await BrowserSite.KeepScreenshotOnFailureAsync(page, nameof(Editor_WritesADraftWithLivePreview_PublishesIt_AndFindsItOnItsRegionPage), async () =>
        {
            await page.GotoAsync("/editor");
            await page.WaitForURLAsync("**/account/login**");
            await page.FillAsync("input[name='Input.Email']", EditorEmail);
            await page.FillAsync("input[name='Input.Password']", EditorPassword);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/editor");

            await page.GotoAsync("/editor/articles/new");
            await page.FillAsync("input[name='Input.Headline']", headline);
            await page.FillAsync("textarea[name='Input.Body']", "乌海市的**全民阅读**活动走进社区。\n\n第二段。");
            // The live preview renders through the reader's Markdown pipeline while the editor types.
            await Assertions.Expect(page.Locator("#body-preview strong")).ToHaveTextAsync("全民阅读");
            await page.SelectOptionAsync("select[name='Input.Regions[0].RegionId']", new SelectOptionValue { Label = "乌海市（全盟市）" });
            await page.CheckAsync("input[name='Input.Regions[0].IsPrimary']");
            await page.FillAsync("input[name='Input.Bylines[0].Name']", "浏览器记者");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editor/articles/\d+"));
            var id = ArticleId().Match(page.Url).Groups[1].Value;

            // A draft does not exist for readers.
            var reader = await site.NewPageAsync();
            var draft = await reader.GotoAsync($"/articles/{id}");
            Assert.Equal(404, draft!.Status);

            await page.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
            await Assertions.Expect(page.Locator(".article-state strong")).ToHaveTextAsync("已发布");

            await reader.GotoAsync("/regions/wuhai");
            await reader.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();
            await reader.WaitForURLAsync($"**/articles/{id}");
            await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(headline);
            await Assertions.Expect(reader.Locator("article strong")).ToHaveTextAsync("全民阅读");
        });
    }

    private async Task EnsureEditorAsync()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(EditorEmail) is null)
        {
            var user = new AppUser { UserName = EditorEmail, Email = EditorEmail, EmailConfirmed = true, DisplayName = "浏览器编辑" };
            Assert.True((await users.CreateAsync(user, EditorPassword)).Succeeded);
            // Publishing is the chief editor's (总编辑) step.
            await users.AddToRoleAsync(user, Roles.ChiefEditor);
        }
    }

    [GeneratedRegex(@"/editor/articles/(\d+)")]
    private static partial Regex ArticleId();
}
