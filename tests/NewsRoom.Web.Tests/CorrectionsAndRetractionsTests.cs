using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests;

/// <summary>
/// 更正/说明 and 撤稿 through the desk's 更正与撤稿 page, as a chief editor and an admin post its forms: a correction
/// stands at the top of the story, in /corrections, its feed and the JSON-LD; a retracted story answers 410 with its
/// notice and is gone from every list until an admin undoes it; each step is a revision and an audit row with its account.
/// </summary>
public class CorrectionsAndRetractionsTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const string ChiefEmail = "chief-notices@test.local";
    private const string EditorEmail = "editor-notices@test.local";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task ACorrection_StandsAtTheTopOfTheStory_InCorrections_ItsFeed_AndTheJsonLd_AndMovesDateModified()
    {
        var story = await CreateStoryAsync("更正稿件");
        using var reader = TestClients.Anonymous(factory);
        var before = JsonLd(await reader.GetDocumentAsync($"/articles/{story.Id}"));
        var etagBefore = await ETagAsync(reader, story.Id);
        Assert.NotNull(etagBefore);
        Assert.False(before.TryGetProperty("correction", out _));
        using var chief = await ChiefAsync();

        var corrected = await CorrectAsync(chief, story.Id, "Correction", "原文称该项目投资 3 亿元，应为 3000 万元。");
        var clarified = await CorrectAsync(chief, story.Id, "Clarification", "文中数据来自旗统计局 2024 年公报。");

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, clarified.StatusCode);
        // The story, cached by the first view, shows both at once, the newest first, above its text.
        var page = await reader.GetDocumentAsync($"/articles/{story.Id}");
        var notices = page.QuerySelectorAll("article .corrections .correction").ToList();
        Assert.Equal(["Clarification", "Correction"], notices.Select(n => n.GetAttribute("data-kind")));
        Assert.StartsWith("说明", notices[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("应为 3000 万元", notices[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("body", page.QuerySelector("article .corrections")!.NextElementSibling!.ClassName);
        var after = JsonLd(page);
        Assert.NotEqual(before.GetProperty("dateModified").GetString(), after.GetProperty("dateModified").GetString());
        Assert.NotEqual(etagBefore, await ETagAsync(reader, story.Id));
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var jsonCorrections = after.GetProperty("correction").EnumerateArray().ToList();
        Assert.Equal(2, jsonCorrections.Count);
        Assert.All(jsonCorrections, c => Assert.Equal("CorrectionComment", c.GetProperty("@type").GetString()));
        Assert.All(jsonCorrections, c => Assert.Equal(today, c.GetProperty("datePublished").GetString()));
        Assert.Equal("更正：原文称该项目投资 3 亿元，应为 3000 万元。", jsonCorrections[1].GetProperty("text").GetString());

        var list = await reader.GetDocumentAsync("/corrections");
        Assert.Equal("/corrections/feed.xml", list.QuerySelector("link[rel='alternate'][type='application/atom+xml'][href='/corrections/feed.xml']")?.GetAttribute("href"));
        var listed = list.QuerySelectorAll($"li.correction[data-article='{story.Id}']").ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(story.Headline, listed[1].QuerySelector($"a[href='/articles/{story.Id}']")!.TextContent, StringComparison.Ordinal);

        var feed = XDocument.Parse(await reader.GetStringAsync(new Uri("/corrections/feed.xml", UriKind.Relative)));
        var entries = feed.Root!.Elements(Atom + "entry")
            .Where(e => e.Element(Atom + "link")!.Attribute("href")!.Value.EndsWith($"/articles/{story.Id}", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(["说明：" + story.Headline, "更正：" + story.Headline], entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("原文称该项目投资 3 亿元，应为 3000 万元。", entries[1].Element(Atom + "summary")!.Value);

        var steps = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == story.Id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync());
        Assert.Equal([(AuditActions.ArticleCorrected, ChiefEmail), (AuditActions.ArticleClarified, ChiefEmail)], steps.Select(s => (s.Action, s.Actor)));
        var revisions = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == story.Id).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());
        Assert.Equal(["更正", "说明"], revisions);
    }

    [Fact]
    public async Task ARetractedStory_Answers410WithItsNotice_LeavesEveryList_AndAnAdminsUndoBringsItBack()
    {
        var story = await CreateStoryAsync("撤稿稿件");
        using var reader = TestClients.Anonymous(factory);
        // Every place that lists it does so first (and the story page is cached), so its absence afterwards means something.
        Assert.All(await PlacesAsync(reader, story), p => Assert.True(p.Lists, $"{p.Path} does not list the story before the retraction"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{story.Id}", UriKind.Relative))).StatusCode);
        using var chief = await ChiefAsync();

        var retracted = await chief.SubmitAsync($"/editor/articles/{story.Id}/notices", "form[data-action='retract']", new Dictionary<string, string?>
        {
            ["Retraction.PublicReason"] = "经核实，文中主要事实与实际不符。",
            ["Retraction.InternalNote"] = "投诉单 2026-118，法务意见见邮件。",
        });

        Assert.Equal(HttpStatusCode.Redirect, retracted.StatusCode);
        Assert.Equal(ArticleStatus.Retracted, await StatusAsync(story.Id));
        using (var gone = await reader.GetAsync(new Uri($"/articles/{story.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            var notice = await Forms.ParseAsync(gone);
            Assert.Equal(story.Headline, notice.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains("本文已撤回", notice.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("经核实，文中主要事实与实际不符。", notice.QuerySelector(".retraction-reason")!.TextContent.Trim());
            Assert.Contains("2025年6月2日", notice.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("投诉单", notice.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("第一段正文", notice.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }
        Assert.All(await PlacesAsync(reader, story), p => Assert.False(p.Lists, $"{p.Path} still lists the retracted story"));

        using var admin = await TestClients.AdminAsync(factory);
        var undone = await admin.SubmitAsync($"/editor/articles/{story.Id}/notices", "form[data-action='undo-retraction']");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal(ArticleStatus.Published, await StatusAsync(story.Id));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{story.Id}", UriKind.Relative))).StatusCode);
        Assert.All(await PlacesAsync(reader, story), p => Assert.True(p.Lists, $"{p.Path} does not list the story after the undo"));

        var steps = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == story.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([(AuditActions.ArticleRetracted, ChiefEmail), (AuditActions.ArticleRetractionUndone, NewsRoomFactory.AdminEmail)], steps.Select(s => (s.Action, s.Actor)));
        Assert.Contains("已发布 → 已撤稿", steps[0].Summary, StringComparison.Ordinal);
        Assert.Contains("经核实，文中主要事实与实际不符。", steps[0].Summary, StringComparison.Ordinal);
        Assert.Contains("已撤稿 → 已发布", steps[1].Summary, StringComparison.Ordinal);
        var revisions = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == story.Id).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());
        Assert.Equal(["撤稿", "撤销撤稿"], revisions);
        var record = await factory.WithDbAsync(db => db.Retractions.SingleAsync(r => r.ArticleId == story.Id));
        Assert.Equal((ChiefEmail, "投诉单 2026-118，法务意见见邮件。", NewsRoomFactory.AdminEmail), (record.RetractedBy, record.InternalNote, record.UndoneBy));
    }

    [Theory]
    [InlineData("Publish")]
    [InlineData("Unpublish")]
    [InlineData("Archive")]
    public async Task TheEditFormsButtons_CannotBringBackOrHideARetractedStory_OnlyTheAdminsUndoCan(string handler)
    {
        var story = await CreateStoryAsync("编辑页不能撤销");
        using var chief = await ChiefAsync();
        await chief.SubmitAsync($"/editor/articles/{story.Id}/notices", "form[data-action='retract']", new Dictionary<string, string?> { ["Retraction.PublicReason"] = "报道失实。" });
        using var admin = await TestClients.AdminAsync(factory);

        // The form of a retracted story offers none of these buttons: the post is made as if it did, from its save button.
        var form = await EditorWorkflowTests.FormAsync(admin, story.Id);
        Assert.Null(form.QuerySelector($"button[formaction$='handler={handler}']"));
        var button = form.QuerySelector<IHtmlButtonElement>("button[formaction$='handler=Save']")!;
        button.SetAttribute("formaction", button.GetAttribute("formaction")!.Replace("handler=Save", "handler=" + handler, StringComparison.Ordinal));

        using var response = await admin.SubmitAsync(form, button: button);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("这篇稿件已撤稿", (await Forms.ParseAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Retracted, await StatusAsync(story.Id));
        Assert.Equal(HttpStatusCode.Gone, (await TestClients.Anonymous(factory).GetAsync(new Uri($"/articles/{story.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnUnpublishedStory_StillAnswers404_NotTheRetractionNotice()
    {
        var story = await CreateStoryAsync("撤回草稿");
        await factory.WithDbAsync(async db =>
        {
            // A retraction that was undone, and the story later sent back to draft: no notice is owed for it.
            db.Retractions.Add(new Retraction { ArticleId = story.Id, PublicReason = "旧理由", RetractedAt = DateTime.UtcNow, RetractedBy = ChiefEmail, UndoneAt = DateTime.UtcNow, UndoneBy = ChiefEmail });
            await db.Articles.Where(a => a.Id == story.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Draft));
            return await db.SaveChangesAsync();
        });
        using var reader = TestClients.Anonymous(factory);

        using var response = await reader.GetAsync(new Uri($"/articles/{story.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Correct")]
    [InlineData("Retract")]
    public async Task AnEditor_PostingACorrectionOrARetraction_Gets403_AndNothingChanges(string handler)
    {
        var story = await CreateStoryAsync("编辑无权");
        await TestClients.EnsureUserAsync(factory, EditorEmail, TestClients.EditorPassword, Roles.Editor);
        using var editor = await TestClients.LoginAsync(factory, EditorEmail, TestClients.EditorPassword);
        using var chief = await ChiefAsync();
        // The editor's page has no such forms: the chief's form, filled and posted with the editor's own antiforgery token.
        var editorsPage = await editor.GetDocumentAsync($"/editor/articles/{story.Id}/notices");
        Assert.Null(editorsPage.QuerySelector("form[data-action='correct'], form[data-action='retract']"));
        var form = (await chief.GetDocumentAsync($"/editor/articles/{story.Id}/notices")).Form($"form[data-action='{handler.ToLowerInvariant()}']");

        using var response = await editor.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = TokenOf(editorsPage),
            ["Correction.Text"] = "编辑想加的更正。",
            ["Retraction.PublicReason"] = "编辑想撤稿。",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ArticleStatus.Published, await StatusAsync(story.Id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Corrections.CountAsync(c => c.ArticleId == story.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ArticleId == story.Id)));
    }

    [Fact]
    public async Task AChiefEditor_PostingTheUndo_Gets403_OnlyAnAdminMayUndoARetraction()
    {
        var story = await CreateStoryAsync("总编辑不能撤销");
        using var chief = await ChiefAsync();
        await chief.SubmitAsync($"/editor/articles/{story.Id}/notices", "form[data-action='retract']", new Dictionary<string, string?> { ["Retraction.PublicReason"] = "报道失实。" });
        using var admin = await TestClients.AdminAsync(factory);
        var chiefsPage = await chief.GetDocumentAsync($"/editor/articles/{story.Id}/notices");
        Assert.Null(chiefsPage.QuerySelector("form[data-action='undo-retraction']"));
        var form = (await admin.GetDocumentAsync($"/editor/articles/{story.Id}/notices")).Form("form[data-action='undo-retraction']");

        using var response = await chief.SubmitAsync(form, new Dictionary<string, string?> { ["__RequestVerificationToken"] = TokenOf(chiefsPage) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ArticleStatus.Retracted, await StatusAsync(story.Id));
    }

    [Theory]
    [InlineData("retract", "Retraction.PublicReason", "", "请填写撤稿理由：读者将在原文地址看到这段话。")]
    [InlineData("retract", "Retraction.PublicReason", "  \n ", "请填写撤稿理由：读者将在原文地址看到这段话。")]
    [InlineData("retract", "Retraction.PublicReason", "\u200f\u202e", "请填写撤稿理由：读者将在原文地址看到这段话。")]
    [InlineData("correct", "Correction.Text", "", "请填写更正或说明的内容。")]
    [InlineData("correct", "Correction.Date", "", "请填写更正或说明的日期。")]
    [InlineData("correct", "Correction.Date", "9999-12-31", "更正或说明的日期不能晚于今天（北京时间）。")]
    [InlineData("correct", "Correction.Kind", "", "请选择“更正”或“说明”。")]
    [InlineData("correct", "Correction.Kind", "7", "“7”无效。")]
    public async Task AMissingOrInvalidField_IsRefusedWithAChineseError_AndNothingChanges(string form, string field, string value, string error)
    {
        var story = await CreateStoryAsync("必填");
        using var chief = await ChiefAsync();

        using var response = await chief.SubmitAsync($"/editor/articles/{story.Id}/notices", $"form[data-action='{form}']", new Dictionary<string, string?>
        {
            [field] = value,
            ["Correction.Text"] = field == "Correction.Text" ? value : "正文有误。",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(error, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());
        Assert.Equal(ArticleStatus.Published, await StatusAsync(story.Id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Corrections.CountAsync(c => c.ArticleId == story.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Revisions.CountAsync(r => r.ArticleId == story.Id)));
    }

    [Fact]
    public async Task TheAuditPage_AndItsCsv_ShowEachStep_WithTheRightAccount()
    {
        var story = await CreateStoryAsync("审计更正撤稿");
        using var chief = await ChiefAsync();
        using var admin = await TestClients.AdminAsync(factory);
        await CorrectAsync(chief, story.Id, "Correction", "标题中的地名有误。");
        await chief.SubmitAsync($"/editor/articles/{story.Id}/notices", "form[data-action='retract']", new Dictionary<string, string?> { ["Retraction.PublicReason"] = "报道失实。" });
        await admin.SubmitAsync($"/editor/articles/{story.Id}/notices", "form[data-action='undo-retraction']");

        var page = await admin.GetDocumentAsync($"/admin/audit?article={story.Id}");
        var rows = page.QuerySelectorAll("tbody tr").Select(tr => (tr.GetAttribute("data-action"), tr.Children[1].TextContent.Trim(), tr.Children[3].TextContent.Trim())).ToList();
        Assert.Equal(
            [(AuditActions.ArticleRetractionUndone, NewsRoomFactory.AdminEmail, "撤销撤稿"), (AuditActions.ArticleRetracted, ChiefEmail, "撤稿"), (AuditActions.ArticleCorrected, ChiefEmail, "更正")],
            rows);
        var filter = page.QuerySelectorAll("#audit-action option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(AuditActions.ArticleRetracted, filter);

        var csv = await admin.GetStringAsync(new Uri($"/admin/audit?article={story.Id}&handler=Csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains(NewsRoomFactory.AdminEmail, lines[0], StringComparison.Ordinal);
        Assert.Contains("撤销撤稿", lines[0], StringComparison.Ordinal);
        Assert.Contains(ChiefEmail, lines[1], StringComparison.Ordinal);
        Assert.Contains("报道失实。", lines[1], StringComparison.Ordinal);
        Assert.Contains("标题中的地名有误。", lines[2], StringComparison.Ordinal);
    }

    /// <summary>A published story of its own: a page of its own paper, a byline, a region, and a neighbour on the page.</summary>
    private sealed record Story(int Id, string Headline, int NeighbourId, int PersonId, string PaperSlug, int IssueId);

    private Task<Story> CreateStoryAsync(string prefix) => factory.WithDbAsync(async db =>
    {
        var paper = ReaderTestData.Unique("撤稿测试报");
        var issueId = await ReaderTestData.CreateIssueAsync(db, paper, pageNumber: 1);
        var headline = ReaderTestData.Unique(prefix);
        // An hour old, its neighbour two: the newest of their region, and a step taken now moves the story's dateModified.
        var story = await ReaderTestData.CreateArticleAsync(db, headline, regions: ["xilinguole"], bylines: [(ReaderTestData.Unique("撤稿记者"), BylineRole.Reporter)],
            issueId: issueId, pagePosition: 1, publishedAt: DateTime.UtcNow.AddHours(-1));
        var neighbour = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("同版"), regions: ["xilinguole"], issueId: issueId, pagePosition: 2,
            publishedAt: DateTime.UtcNow.AddHours(-2));
        story.UpdatedAt = DateTime.UtcNow.AddHours(-1);
        await db.SaveChangesAsync();
        var slug = await db.Issues.Where(i => i.Id == issueId).Select(i => i.Edition.Paper.Slug).SingleAsync();
        return new Story(story.Id, headline, neighbour.Id, story.Bylines[0].PersonId, slug, issueId);
    });

    /// <summary>Whether each reader page, feed and sitemap that shows a published story shows this one.</summary>
    private async Task<List<(string Path, bool Lists)>> PlacesAsync(HttpClient reader, Story story)
    {
        var perFile = factory.Services.GetRequiredService<IOptions<SitemapOptions>>().Value.AddressesPerFile;
        var link = $"/articles/{story.Id}\"";
        string[] paths =
        [
            $"/search?q={Uri.EscapeDataString(story.Headline)}",
            "/feed.xml",
            "/regions/xilinguole/feed.xml",
            $"/sitemaps/articles-{((story.Id - 1) / perFile) + 1}.xml",
            "/sitemaps/news.xml",
            "/regions/xilinguole",
            $"/people/{story.PersonId}",
            EditionAddresses.Day(story.PaperSlug, new DateOnly(2025, 6, 2)),
            EditionAddresses.Page(story.PaperSlug, new DateOnly(2025, 6, 2), 1, story.IssueId),
            // The neighbour's page: its related stories and its 上一篇.
            $"/articles/{story.NeighbourId}",
        ];
        var places = new List<(string, bool)>();
        foreach (var path in paths)
        {
            using var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            // Feeds and sitemaps give absolute addresses ending </loc> or in an attribute; pages give href="/articles/N".
            var lists = text.Contains(link, StringComparison.Ordinal) || text.Contains($"/articles/{story.Id}<", StringComparison.Ordinal);
            places.Add((path, response.StatusCode == HttpStatusCode.OK && lists));
        }
        return places;
    }

    private async Task<HttpClient> ChiefAsync()
    {
        await TestClients.EnsureUserAsync(factory, ChiefEmail, TestClients.EditorPassword, Roles.ChiefEditor);
        return await TestClients.LoginAsync(factory, ChiefEmail, TestClients.EditorPassword);
    }

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient client, int id, string kind, string text) =>
        client.SubmitAsync($"/editor/articles/{id}/notices", "form[data-action='correct']", new Dictionary<string, string?>
        {
            ["Correction.Kind"] = kind,
            ["Correction.Text"] = text,
        });

    private Task<ArticleStatus> StatusAsync(int id) => factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static async Task<string?> ETagAsync(HttpClient client, int id)
    {
        using var response = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
        return response.Headers.ETag?.Tag;
    }

    private static string TokenOf(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value ?? throw new InvalidOperationException("No antiforgery token on the page");

    private static JsonElement JsonLd(IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.Clone();
}
