using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsRoom.Browser.Tests;

/// <summary>
/// 三审 in Chromium on a fresh site: the admin makes a reporter, an editor and a chief editor; the reporter writes and
/// submits; the editor returns it with a comment the reporter reads, then passes it through 初审 and 复审; the chief
/// publishes it and readers see it. A reporter who posts the form to 发布 is refused with 403.
/// </summary>
public partial class ReviewJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "Journey-Passw0rd";

    [ChromiumFact]
    public async Task AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt()
    {
        var admin = await site.NewPageAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var reporterEmail = $"reporter-{suffix}@browser.test";
        var editorEmail = $"editor-{suffix}@browser.test";
        var chiefEmail = $"chief-{suffix}@browser.test";
        var headline = $"草原书屋开到牧民家门口 三审{suffix}";
        await BrowserSite.KeepScreenshotOnFailureAsync(admin, nameof(AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt) + "-admin", async () =>
        {
            await LoginAsync(admin, BrowserSite.AdminEmail, BrowserSite.AdminPassword);
            await CreateAccountAsync(admin, reporterEmail, "牧区记者", "记者");
            await CreateAccountAsync(admin, editorEmail, "值班编辑", "编辑");
            await CreateAccountAsync(admin, chiefEmail, "总编辑甲", "总编辑");
        });

        var reporter = await site.NewPageAsync();
        var id = string.Empty;
        await BrowserSite.KeepScreenshotOnFailureAsync(reporter, nameof(AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt) + "-reporter", async () =>
        {
            await LoginAsync(reporter, reporterEmail, Password);
            await reporter.GotoAsync("/editor/articles/new");
            await reporter.FillAsync("input[name='Input.Headline']", headline);
            await reporter.FillAsync("textarea[name='Input.Body']", "流动书屋开进了牧民的家门口。\n\n第二段。");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await reporter.WaitForURLAsync(new Regex(@"/editor/articles/\d+"));
            id = ArticleId().Match(reporter.Url).Groups[1].Value;
            Assert.Equal(0, await reporter.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).CountAsync());

            // No button, so the reporter points the form at 发布 by hand: the handler refuses, whatever the page showed.
            await reporter.Locator("button[formaction$='handler=Submit']")
                .EvaluateAsync("(button) => button.setAttribute('formaction', button.getAttribute('formaction').replace('handler=Submit', 'handler=Publish'))");
            var refused = await reporter.RunAndWaitForResponseAsync(
                () => reporter.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync(),
                response => response.Url.Contains("handler=Publish", StringComparison.Ordinal));
            Assert.Equal(403, refused.Status);

            await reporter.GotoAsync($"/editor/articles/{id}");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await reporter.WaitForURLAsync("**/editor?saved=submit**");
            await Assertions.Expect(reporter.Locator($"#my-stories tr[data-article='{id}'] [data-stage]")).ToHaveTextAsync("待初审");
        });

        var editor = await site.NewPageAsync();
        await BrowserSite.KeepScreenshotOnFailureAsync(editor, nameof(AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt) + "-editor", async () =>
        {
            await LoginAsync(editor, editorEmail, Password);
            await editor.GotoAsync("/editor");
            await editor.Locator($"#waiting-for-me tr[data-article='{id}'] a").ClickAsync();
            await editor.FillAsync("textarea[name='ReviewComment']", "导语请补上书屋的数量。");
            await editor.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
            await editor.WaitForURLAsync("**/editor?saved=return**");
        });

        await BrowserSite.KeepScreenshotOnFailureAsync(reporter, nameof(AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt) + "-returned", async () =>
        {
            await reporter.GotoAsync("/editor");
            await Assertions.Expect(reporter.Locator($"#my-stories tr[data-article='{id}']")).ToContainTextAsync("已退回");
            await reporter.Locator($"#my-stories tr[data-article='{id}'] a").ClickAsync();
            await Assertions.Expect(reporter.Locator(".review-trail [data-comment]")).ToHaveTextAsync("导语请补上书屋的数量。");
            await reporter.FillAsync("textarea[name='Input.Body']", "全旗已有十二个流动书屋开进了牧民的家门口。\n\n第二段。");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await reporter.WaitForURLAsync("**/editor?saved=submit**");
        });

        await BrowserSite.KeepScreenshotOnFailureAsync(editor, nameof(AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt) + "-review", async () =>
        {
            await editor.GotoAsync($"/editor/articles/{id}");
            await editor.GetByRole(AriaRole.Button, new() { Name = "通过初审" }).ClickAsync();
            await editor.WaitForURLAsync("**/editor?saved=passfirstreview**");
            await editor.GotoAsync($"/editor/articles/{id}");
            await editor.GetByRole(AriaRole.Button, new() { Name = "通过复审" }).ClickAsync();
            await editor.WaitForURLAsync("**/editor?saved=passsecondreview**");
            Assert.Equal(0, await editor.Locator($"#waiting-for-me tr[data-article='{id}']").CountAsync());
        });

        var chief = await site.NewPageAsync();
        await BrowserSite.KeepScreenshotOnFailureAsync(chief, nameof(AStory_PassesThreeLevelsOfReview_ThroughTheBrowser_AndAReporterCannotPublishIt) + "-chief", async () =>
        {
            await LoginAsync(chief, chiefEmail, Password);
            await chief.GotoAsync("/editor");
            await chief.Locator($"#waiting-for-me tr[data-article='{id}'] a").ClickAsync();
            await chief.GetByRole(AriaRole.Button, new() { Name = "终审发布" }).ClickAsync();
            await Assertions.Expect(chief.Locator(".article-state strong")).ToHaveTextAsync("已发布");
            await Assertions.Expect(chief.Locator(".review-trail li strong")).ToHaveTextAsync(["提交审核", "退回", "提交审核", "通过初审", "通过复审", "终审发布"]);

            var reader = await site.NewPageAsync();
            var story = await reader.GotoAsync($"/articles/{id}");
            Assert.Equal(200, story!.Status);
            await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(headline);
            await Assertions.Expect(reader.Locator("article")).ToContainTextAsync("十二个流动书屋");
        });
    }

    private static async Task LoginAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    private static async Task CreateAccountAsync(IPage admin, string email, string name, string role)
    {
        await admin.GotoAsync("/admin/users");
        var form = admin.Locator("form[data-action='create']");
        await form.Locator("input[name='Input.Email']").FillAsync(email);
        await form.Locator("input[name='Input.DisplayName']").FillAsync(name);
        await form.Locator("input[name='Input.Password']").FillAsync(Password);
        await form.Locator("select[name='Input.Role']").SelectOptionAsync(new SelectOptionValue { Label = role });
        await form.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(admin.Locator($"tr[data-user='{email}'] [data-role]")).ToHaveTextAsync(role);
    }

    [GeneratedRegex(@"/editor/articles/(\d+)")]
    private static partial Regex ArticleId();
}
