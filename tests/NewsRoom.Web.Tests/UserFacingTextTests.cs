using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>One voice to the user: the site's words are Chinese, its times Beijing time, its search boxes alike.</summary>
public partial class UserFacingTextTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    // Three Latin words in a row is a sentence: "The 记住我 field is required." has "field is required".
    [GeneratedRegex(@"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")]
    private static partial Regex EnglishSentence();

    /// <summary>The text a person reads on a page, and the messages forms carry in their attributes.</summary>
    private static IEnumerable<string> ShownText(IDocument page) =>
        page.Body!.Descendants<IText>().Where(t => t.ParentElement?.LocalName is not ("script" or "style")).Select(t => t.Text)
            .Concat(page.All.SelectMany(e => e.Attributes)
                .Where(a => a.Name.StartsWith("data-val-", StringComparison.Ordinal) || a.Name is "title" or "placeholder" or "aria-label" or "alt")
                .Select(a => a.Value));

    [Fact]
    public void Checker_FindsAnEnglishSentence()
    {
        Assert.Matches(EnglishSentence(), "The 记住我 field is required.");
        Assert.DoesNotMatch(EnglishSentence(), "邮箱或密码不正确。订阅（Atom）");
    }

    [Fact]
    public async Task LoginPost_WithTheBoxUnchecked_ShowsNoEnglish()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = "nobody@test.local",
            ["Input.Password"] = "wrong-password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response, "/account/login");
        Assert.DoesNotContain(Forms.Fields(page.Form("main form")), f => f is { Key: "Input.RememberMe", Value: "true" });
        Assert.Contains("邮箱或密码不正确", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(ShownText(page), t => EnglishSentence().IsMatch(t));
    }

    [Fact]
    public async Task LoginPost_WithEmptyFields_SaysWhatIsMissingInChinese()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
            ["Input.RememberMe"] = "",
        });

        var page = await Forms.ParseAsync(response, "/account/login");
        Assert.Equal("请输入邮箱", page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.Trim());
        Assert.DoesNotContain(ShownText(page), t => EnglishSentence().IsMatch(t));
    }

    [Fact]
    public async Task ImportRunTimes_AreBeijingTime_AndLabelled_OnEveryPageThatListsThem()
    {
        var startedUtc = new DateTime(2025, 6, 2, 1, 30, 15, DateTimeKind.Utc);
        var id = await factory.WithDbAsync(async db =>
        {
            var run = new ImportRun { StartedAt = startedUtc, FinishedAt = startedUtc.AddMinutes(2), StartedBy = "时间测试", State = ImportRunState.Succeeded };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        using var client = factory.CreateClientAs(Roles.Admin);

        var list = await client.GetDocumentAsync("/admin/import");
        var history = await client.GetDocumentAsync("/admin/import/history");
        var run = await client.GetDocumentAsync($"/admin/import/run/{id}");

        Assert.Contains("2025-06-02 09:30", list.QuerySelector($"a[href='/admin/import/run/{id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("h2"), h => h.TextContent == "最近的导入（北京时间）");
        Assert.Contains("北京时间", list.QuerySelector("table.admin-table thead")!.TextContent, StringComparison.Ordinal);
        var row = history.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.TextContent == id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("2025-06-02 09:30", row.Children[1].TextContent.Trim());
        Assert.Contains("北京时间", history.QuerySelector("thead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2025-06-02 09:30:15（北京时间）开始，09:32:15 结束", run.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadList_ShowsWhenEachFileWasImported_InBeijingTime()
    {
        var seed = await factory.WithDbAsync(db => db.Issues.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.SourceFileName, i.ImportedAt }).FirstAsync());
        using var client = factory.CreateClientAs(Roles.Admin);

        var list = await client.GetDocumentAsync("/admin/import");

        var row = list.QuerySelector($"tr[data-file='Seed|{seed.SourceFileName}']")!;
        var expected = (seed.ImportedAt + TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(expected, row.Children[3].TextContent.Trim());
    }

    [Fact]
    public async Task ImportHistoryDownload_WritesTimesAsUtc()
    {
        var startedUtc = new DateTime(2025, 6, 3, 4, 5, 6, DateTimeKind.Utc);
        await factory.WithDbAsync(async db =>
        {
            db.ImportRuns.Add(new ImportRun { StartedAt = startedUtc, StartedBy = "下载测试", State = ImportRunState.Succeeded });
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreateClientAs(Roles.Admin);

        var json = await client.GetStringAsync(new Uri("/admin/import/history?handler=Json", UriKind.Relative));

        Assert.Contains("\"startedAt\": \"2025-06-03T04:05:06Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderSearchBox_TakesNoLongerAQueryThanTheSearchPage()
    {
        using var client = factory.CreateClient();

        var front = await client.GetDocumentAsync("/");
        var search = await client.GetDocumentAsync("/search?q=草原");

        var header = front.QuerySelector("#site-search")!.GetAttribute("maxlength");
        Assert.NotNull(header);
        Assert.Equal(search.QuerySelector("#search-q")!.GetAttribute("maxlength"), header);
        Assert.Equal(search.QuerySelector("#site-search")!.GetAttribute("maxlength"), header);
        // The longest query the box lets through still reaches the search page.
        var longest = new string('草', int.Parse(header, CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(longest), UriKind.Relative))).StatusCode);
    }
}
