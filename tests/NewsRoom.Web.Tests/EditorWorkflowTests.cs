using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class EditorWorkflowTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const string Editor = "desk-editor@test.local";

    /// <summary>The desk's publisher: only 总编辑 and up publish, and change what readers see.</summary>
    private const string Chief = "desk-chief@test.local";

    [Fact]
    public async Task SaveDraft_IsInvisibleToAnonymousReaders_AndOnTheDeskUnderMine()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var reader = TestClients.Anonymous(factory);

        var id = await CreateAsync(editor, "草稿不该被读者看到", "第一段。\n\n第二段。");

        var stored = await factory.WithDbAsync(db => db.Articles.Include(a => a.Revisions).SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Draft, stored.Status);
        Assert.Equal(Editor, stored.CreatedBy);
        var revision = Assert.Single(stored.Revisions);
        Assert.Equal(Editor, revision.CreatedBy);
        Assert.Equal("保存草稿", revision.Action);
        Assert.Contains("草稿不该被读者看到", revision.Snapshot, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);
        var desk = await editor.GetStringAsync(new Uri("/editor?status=Draft&mine=true", UriKind.Relative));
        Assert.Contains("草稿不该被读者看到", desk, StringComparison.Ordinal);
        var othersDesk = await (await TestClients.AdminAsync(factory)).GetStringAsync(new Uri("/editor?mine=true", UriKind.Relative));
        Assert.DoesNotContain("草稿不该被读者看到", othersDesk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Unpublish_Archive_EachChangeWhatReadersSee_AndEachIsARevision()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, Chief);
        using var reader = TestClients.Anonymous(factory);
        var id = await CreateAsync(editor, "一篇要发布的稿件", "正文。");

        var published = await PressAsync(editor, id, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("已发布。", (await editor.GetDocumentAsync(Forms.LocationOf(published))).QuerySelector(".notice")!.TextContent.Trim());
        var page = await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("一篇要发布的稿件", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var publishedAt = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync());
        Assert.NotNull(publishedAt);

        await PressAsync(editor, id, "Unpublish");
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        await PressAsync(editor, id, "Publish");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        await PressAsync(editor, id, "Archive");
        Assert.Equal(ArticleStatus.Archived, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        var actions = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());
        Assert.Equal(["保存草稿", "发布", "撤回为草稿", "发布", "归档"], actions);
    }

    [Fact]
    public async Task Publish_KeepsTheFirstPublicationTime_WhenRepublished()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, Chief);
        var id = await CreateAsync(editor, "首次发布时间", "正文。");
        await PressAsync(editor, id, "Publish");
        var first = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync());

        await PressAsync(editor, id, "Unpublish");
        await PressAsync(editor, id, "Publish");

        Assert.Equal(first, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync()));
    }

    [Fact]
    public async Task Save_StoresBylinesRegionsAndPhotos_ReusingKnownPeople()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var (league, county) = await factory.WithDbAsync(async db =>
        {
            var baotou = await db.Regions.SingleAsync(r => r.Name == "包头市");
            var child = await db.Regions.Where(r => r.ParentId == baotou.Id).OrderBy(r => r.SortOrder).FirstAsync();
            return (baotou, child);
        });
        await factory.WithDbAsync(async db =>
        {
            if (!await db.People.AnyAsync(p => p.Name == "老记者乙"))
            {
                db.People.Add(new Person { Name = "老记者乙" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var peopleBefore = await factory.WithDbAsync(db => db.People.CountAsync());

        var id = await CreateAsync(editor, "署名地区图片", "正文。", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Photo",
            ["Input.Column"] = "特别关注",
            ["Input.DatelinePlace"] = "包头",
            ["Input.DatelineDate"] = "6月2日",
            ["Input.DatelineKind"] = "电",
            ["Input.Bylines[0].Name"] = "新记者甲",
            ["Input.Bylines[0].Role"] = "Reporter",
            ["Input.Bylines[0].Order"] = "2",
            ["Input.Bylines[1].Name"] = "老记者乙",
            ["Input.Bylines[1].Role"] = "Photographer",
            ["Input.Bylines[1].Order"] = "1",
            ["Input.Regions[0].RegionId"] = league.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Regions[1].RegionId"] = county.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Regions[1].IsPrimary"] = "true",
            ["Input.Photos[0].Title"] = "草原之夏",
            ["Input.Photos[0].Caption"] = "牧民在草原上放牧。",
            ["Input.Photos[0].Credits"] = "老记者乙",
        });

        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Include(a => a.Bylines).ThenInclude(b => b.Person).Include(a => a.Regions).Include(a => a.Photos)
            .SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleKind.Photo, article.Kind);
        Assert.Equal("本报包头6月2日电", article.DatelineText);
        Assert.Equal(["老记者乙 Photographer", "新记者甲 Reporter"], article.Bylines.OrderBy(b => b.Order).Select(b => $"{b.Person.Name} {b.Role}"));
        Assert.Equal(county.Id, article.Regions.Single(r => r.IsPrimary).RegionId);
        Assert.Contains(article.Regions, r => r.RegionId == league.Id && !r.IsPrimary);
        var photo = Assert.Single(article.Photos);
        Assert.Equal(("草原之夏", "牧民在草原上放牧。", "老记者乙"), (photo.Title, photo.Caption, photo.Credits));
        Assert.Equal(peopleBefore + 1, await factory.WithDbAsync(db => db.People.CountAsync()));

        // The form shows it all back, and a byline emptied on the next save is removed.
        var form = await FormAsync(editor, id);
        Assert.Equal("老记者乙", Field(form, "Input.Bylines[0].Name"));
        await SubmitAsync(editor, form, new Dictionary<string, string?> { ["Input.Bylines[1].Name"] = "" }, "Save");
        var names = await factory.WithDbAsync(db => db.ArticleBylines.Where(b => b.ArticleId == id).Select(b => b.Person.Name).ToListAsync());
        Assert.Equal(["老记者乙"], names);
    }

    [Fact]
    public async Task Save_WithoutHeadline_ShowsTheErrorBesideTheField_AndKeepsEverythingTyped()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());
        var form = await NewFormAsync(editor);

        var response = await SubmitAsync(editor, form, new Dictionary<string, string?>
        {
            ["Input.Headline"] = "",
            ["Input.Body"] = "编辑辛苦写下的正文，一个字也不能丢。",
            ["Input.Kicker"] = "引题保留",
            ["Input.Bylines[0].Name"] = "署名保留",
            ["Input.DatelineKind"] = "电",
            ["Input.Photos[0].Title"] = "只有标题没有说明",
        }, "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response, "/editor/articles/new");
        Assert.Equal("请填写标题", page.QuerySelector("[data-valmsg-for='Input.Headline']")!.TextContent.Trim());
        Assert.Equal("电稿请填写发电地点", page.QuerySelector("[data-valmsg-for='Input.DatelinePlace']")!.TextContent.Trim());
        Assert.Equal("请填写图片说明", page.QuerySelector("[data-valmsg-for='Input.Photos[0].Caption']")!.TextContent.Trim());
        var kept = page.QuerySelector<IHtmlFormElement>("#article-form")!;
        Assert.Equal("编辑辛苦写下的正文，一个字也不能丢。", Field(kept, "Input.Body"));
        Assert.Equal("引题保留", Field(kept, "Input.Kicker"));
        Assert.Equal("署名保留", Field(kept, "Input.Bylines[0].Name"));
        Assert.Equal("只有标题没有说明", Field(kept, "Input.Photos[0].Title"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Save_WithTwoPrimaryRegions_IsRefused()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var ids = await factory.WithDbAsync(db => db.Regions.OrderBy(r => r.SortOrder).Select(r => r.Id).Take(2).ToListAsync());
        var form = await NewFormAsync(editor);

        var response = await SubmitAsync(editor, form, new Dictionary<string, string?>
        {
            ["Input.Headline"] = "两个主要地区",
            ["Input.Regions[0].RegionId"] = ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Regions[0].IsPrimary"] = "true",
            ["Input.Regions[1].RegionId"] = ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Regions[1].IsPrimary"] = "true",
        }, "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只能有一个主要地区", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "两个主要地区")));
    }

    [Fact]
    public async Task StaleSecondSave_IsRefusedWithBothVersions_AndNothingTypedIsLost()
    {
        using var first = await TestClients.EditorAsync(factory, Editor);
        using var second = await TestClients.EditorAsync(factory, "second-editor@test.local");
        var id = await CreateAsync(first, "两位编辑同时打开", "原来的正文。");
        var firstForm = await FormAsync(first, id);
        var secondForm = await FormAsync(second, id);

        var saved = await SubmitAsync(second, secondForm, new Dictionary<string, string?> { ["Input.Body"] = "第二位编辑先保存的正文。" }, "Save");
        var refused = await SubmitAsync(first, firstForm, new Dictionary<string, string?> { ["Input.Body"] = "第一位编辑晚了一步的正文。" }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Forms.ParseAsync(refused, $"/editor/articles/{id}");
        Assert.Contains("保存被拒绝", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第二位编辑先保存的正文。", page.QuerySelector<IHtmlTextAreaElement>("#conflict-current")!.Value, StringComparison.Ordinal);
        Assert.Contains("第一位编辑晚了一步的正文。", page.QuerySelector<IHtmlTextAreaElement>("#conflict-refused")!.Value, StringComparison.Ordinal);
        var kept = page.QuerySelector<IHtmlFormElement>("#article-form")!;
        Assert.Equal("第一位编辑晚了一步的正文。", Field(kept, "Input.Body"));
        Assert.Equal("第二位编辑先保存的正文。", await BodyAsync(id));

        // Having seen both, the first editor merges and saves on purpose.
        var merged = await SubmitAsync(first, kept, new Dictionary<string, string?> { ["Input.Body"] = "第二位编辑先保存的正文。第一位编辑晚了一步的正文。" }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("第二位编辑先保存的正文。第一位编辑晚了一步的正文。", await BodyAsync(id));
    }

    [Fact]
    public async Task EditingAnImportedArticle_MarksItEditedSinceImport()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, Chief);
        var id = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.ImportKey != null && !a.EditedSinceImport && a.Status == ArticleStatus.Published && a.Headline != null)
            .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var form = await FormAsync(editor, id);

        var response = await SubmitAsync(editor, form, new Dictionary<string, string?> { ["Input.Body"] = Field(form, "Input.Body") + "\n\n编辑补充的一段。" }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.True(article.EditedSinceImport);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.EndsWith("编辑补充的一段。", article.Body, StringComparison.Ordinal);
        using var reader = TestClients.Anonymous(factory);
        Assert.Contains("编辑补充的一段。", await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ShowsACharacterDiff_AndRestoresAnOldRevisionAsANewOne()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await CreateAsync(editor, "修订历史", "今天呼和浩特天气晴朗。");
        await SubmitAsync(editor, await FormAsync(editor, id), new Dictionary<string, string?> { ["Input.Body"] = "今天包头天气晴朗。" }, "Save");

        var history = await editor.GetDocumentAsync($"/editor/articles/{id}/history");
        Assert.Equal(2, history.QuerySelectorAll("table.revisions tbody tr").Length);
        var diff = history.QuerySelector("pre.diff")!;
        Assert.Equal("呼和浩特", string.Concat(diff.QuerySelectorAll("del").Select(d => d.TextContent)));
        Assert.Equal("包头", string.Concat(diff.QuerySelectorAll("ins").Select(d => d.TextContent)));
        Assert.Contains("今天", diff.TextContent, StringComparison.Ordinal);

        var firstRevision = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var restore = history.QuerySelector<IHtmlFormElement>($"#restore-{firstRevision}")!;
        var restored = await editor.SubmitAsync(restore, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("今天呼和浩特天气晴朗。", await BodyAsync(id));
        var actions = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());
        Assert.Equal(3, actions.Count);
        Assert.Equal($"恢复修订 #{firstRevision}", actions[2]);

        // Any two revisions can be compared: the first against the restored one are the same text.
        var last = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id).MaxAsync(r => r.Id));
        var same = await editor.GetDocumentAsync($"/editor/articles/{id}/history?from={firstRevision}&to={last}");
        Assert.Empty(same.QuerySelectorAll("pre.diff del, pre.diff ins"));
    }

    [Fact]
    public async Task Preview_WithoutScript_RendersTheBody_AndKeepsTheForm()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var form = await NewFormAsync(editor);

        var response = await SubmitAsync(editor, form, new Dictionary<string, string?> { ["Input.Headline"] = "预览", ["Input.Body"] = "一段**加粗**的话。\n\n<script>alert(1)</script>" }, "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response, "/editor/articles/new");
        var preview = page.QuerySelector("#body-preview")!;
        Assert.Equal("加粗", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Equal("预览", Field(page.QuerySelector<IHtmlFormElement>("#article-form")!, "Input.Headline"));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "预览")));
    }

    [Fact]
    public async Task LivePreview_FragmentUsesTheReaderPipeline_AndTheScriptIsSelfHosted()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var page = await editor.GetDocumentAsync("/editor/articles/new");
        var form = page.QuerySelector<IHtmlFormElement>("#article-form")!;
        var body = page.QuerySelector("textarea[name='Input.Body']")!;
        var fields = Forms.Fields(form).Where(f => f.Key != "Input.Body").Append(new("Input.Body", "| 地区 | 数量 |\n| --- | --- |\n| 包头 | 3 |")).ToList();

        using var content = new FormUrlEncodedContent(fields);
        var fragment = await editor.PostAsync(new Uri(body.GetAttribute("data-preview-url")!, UriKind.Relative), content);
        var script = await editor.GetAsync(new Uri("/js/editor.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("<table>", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.NotNull(page.QuerySelector("script[src^='/js/editor.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Desk_FiltersByRegionKindAndHeadline()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var (league, county) = await factory.WithDbAsync(async db =>
        {
            var chifeng = await db.Regions.SingleAsync(r => r.Name == "赤峰市");
            var child = await db.Regions.Where(r => r.ParentId == chifeng.Id).OrderBy(r => r.SortOrder).FirstAsync();
            return (chifeng.Id, child.Id);
        });
        await CreateAsync(editor, "赤峰旗县的简讯", "正文。", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Brief",
            ["Input.Regions[0].RegionId"] = county.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await CreateAsync(editor, "没有地区的文章", "正文。");

        var byLeague = await editor.GetStringAsync(new Uri($"/editor?region={league}", UriKind.Relative));
        var byKind = await editor.GetStringAsync(new Uri("/editor?kind=Brief&mine=true", UriKind.Relative));
        var byHeadline = await editor.GetStringAsync(new Uri("/editor?q=" + Uri.EscapeDataString("没有地区"), UriKind.Relative));

        Assert.Contains("赤峰旗县的简讯", byLeague, StringComparison.Ordinal);
        Assert.DoesNotContain("没有地区的文章", byLeague, StringComparison.Ordinal);
        Assert.Contains("赤峰旗县的简讯", byKind, StringComparison.Ordinal);
        Assert.DoesNotContain("没有地区的文章", byKind, StringComparison.Ordinal);
        Assert.Contains("没有地区的文章", byHeadline, StringComparison.Ordinal);
        Assert.DoesNotContain("赤峰旗县的简讯", byHeadline, StringComparison.Ordinal);
    }

    private async Task<ArticleStatus> StatusAsync(int id) =>
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private async Task<string> BodyAsync(int id) =>
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync());

    internal static async Task<IHtmlFormElement> NewFormAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/editor/articles/new")).QuerySelector<IHtmlFormElement>("#article-form")!;

    [Fact]
    public async Task AnImportedStory_WithAPlacelessDateline_SavesUnchanged_AndTheDeskNamesItsReporter()
    {
        // 本报6月2日讯: the paper's own 讯 names no place; the desk must take it back as it came.
        var story = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.ImportKey != null && a.DatelineKind == "讯" && a.DatelinePlace == null && a.Bylines.Any())
            .Select(a => new { a.Id, a.UpdatedAt, Reporter = a.Bylines.OrderBy(b => b.Order).Select(b => b.Person.Name).First() })
            .FirstAsync());
        using var editor = await TestClients.ChiefEditorAsync(factory, Chief);

        using var response = await SubmitAsync(editor, await FormAsync(editor, story.Id), new Dictionary<string, string?>(), "Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var desk = await editor.GetDocumentAsync("/editor");
        var row = desk.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector($"a[href='/editor/articles/{story.Id}']") is not null);
        Assert.Equal(story.Reporter, row.QuerySelector("[data-author]")!.TextContent.Trim());
        Assert.DoesNotContain(desk.QuerySelectorAll("[data-author]"), cell => cell.TextContent.Trim() is "seed" or "command-line");
    }

    [Fact]
    public async Task AnUndatedPrintedStory_Republished_StaysUndated_NotDatedToday()
    {
        var id = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.ImportKey != null && a.Status == ArticleStatus.Published && a.PublishedAt == null)
            .Select(a => a.Id).FirstAsync());
        using var editor = await TestClients.ChiefEditorAsync(factory, Chief);

        await PressAsync(editor, id, "Unpublish");
        await PressAsync(editor, id, "Publish");

        Assert.Equal(ArticleStatus.Published, await StatusAsync(id));
        Assert.Null(await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync()));
    }

    internal static async Task<IHtmlFormElement> FormAsync(HttpClient client, int id) =>
        (await client.GetDocumentAsync($"/editor/articles/{id}")).QuerySelector<IHtmlFormElement>("#article-form")!;

    internal static string? Field(IHtmlFormElement form, string name) =>
        Forms.Fields(form).Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    /// <summary>Submits the article form by pressing the button of a handler (Save, Publish, Preview …).</summary>
    internal static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string?> values, string handler)
    {
        var button = form.QuerySelectorAll<IHtmlButtonElement>("button[formaction]")
            .First(b => b.GetAttribute("formaction")!.EndsWith("handler=" + handler, StringComparison.Ordinal));
        return client.SubmitAsync(form, values, button);
    }

    /// <summary>Opens the article and presses a button, sending the form as it is.</summary>
    internal static async Task<HttpResponseMessage> PressAsync(HttpClient client, int id, string handler) =>
        await SubmitAsync(client, await FormAsync(client, id), new Dictionary<string, string?>(), handler);

    /// <summary>Writes a new article through the form and returns its id.</summary>
    internal static async Task<int> CreateAsync(HttpClient client, string headline, string body, IReadOnlyDictionary<string, string?>? more = null)
    {
        var values = new Dictionary<string, string?> { ["Input.Headline"] = headline, ["Input.Body"] = body };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var response = await SubmitAsync(client, await NewFormAsync(client), values, "Save");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Saving {headline} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var location = Forms.LocationOf(response);
        return int.Parse(location["/editor/articles/".Length..location.IndexOf('?', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
