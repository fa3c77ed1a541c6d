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

    [ChromiumFact]
    public async Task Editor_UploadsAPhotoAsTheLeadImage_AndReadersSeeItLoaded()
    {
        await EnsureEditorAsync();
        var page = await site.NewPageAsync();
        var headline = $"草原晨光 图片测试{Guid.NewGuid().ToString("N")[..6]}";
        await BrowserSite.KeepScreenshotOnFailureAsync(page, nameof(Editor_UploadsAPhotoAsTheLeadImage_AndReadersSeeItLoaded), async () =>
        {
            await page.GotoAsync("/editor");
            await page.WaitForURLAsync("**/account/login**");
            await page.FillAsync("input[name='Input.Email']", EditorEmail);
            await page.FillAsync("input[name='Input.Password']", EditorPassword);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/editor");

            await page.GotoAsync("/editor/articles/new");
            await page.FillAsync("input[name='Input.Headline']", headline);
            await page.FillAsync("textarea[name='Input.Body']", "清晨的草原。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editor/articles/\d+"));
            var id = ArticleId().Match(page.Url).Groups[1].Value;

            await page.GetByRole(AriaRole.Link, new() { Name = "上传图片、设头图或从图片库选用" }).ClickAsync();
            await page.WaitForURLAsync($"**/editor/articles/{id}/photos");
            await page.SetInputFilesAsync("input[name='Upload']", new FilePayload { Name = "dawn.jpg", MimeType = "image/jpeg", Buffer = Jpeg(900, 600) });
            await page.FillAsync("input[name='Input.Alt']", "晨光中的草原和羊群");
            await page.FillAsync("textarea[name='Input.Caption']", "清晨，牧民赶着羊群走向草场。");
            await page.FillAsync("input[name='Input.Credit']", "浏览器摄影");
            await page.CheckAsync("input[name='Input.Lead']");
            await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("图片已上传并配到稿件。");

            await page.GotoAsync($"/editor/articles/{id}");
            await page.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
            await Assertions.Expect(page.Locator(".article-state strong")).ToHaveTextAsync("已发布");

            var reader = await site.NewPageAsync();
            await reader.GotoAsync($"/articles/{id}");
            var lead = reader.Locator("figure.photo.lead img");
            await Assertions.Expect(lead).ToHaveAttributeAsync("alt", "晨光中的草原和羊群");
            // Loaded, not just written: the browser chose a rendition from srcset and decoded it.
            await lead.EvaluateAsync("img => img.decode()");
            Assert.True(await lead.EvaluateAsync<int>("img => img.naturalWidth") > 0);
            Assert.Contains("/media/", await lead.EvaluateAsync<string>("img => img.currentSrc"), StringComparison.Ordinal);
        });
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(SkiaSharp.SKColors.SeaGreen);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
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
