using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// 三审 through the desk's forms: 草稿 → 待初审 → 待复审 → 待终审 → 已发布, each step a revision with who, when and the
/// comment, audited with it; 退回 with its required comment; the levels setting; the desk's queues; and what readers see
/// changing only with 总编辑's sign-off.
/// </summary>
public class ReviewWorkflowTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const string Reporter = "review-reporter@test.local";
    private const string Editor = "review-editor@test.local";
    private const string Chief = "review-chief@test.local";

    [Fact]
    public async Task ThreeLevels_ReporterSubmits_EditorPassesFirstAndSecond_ChiefPublishes_EachStepRecordedAndAudited()
    {
        using var reporter = await TestClients.ReporterAsync(factory, Reporter);
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var chief = await TestClients.ChiefEditorAsync(factory, Chief);
        var headline = ReaderTestData.Unique("三审稿件");
        var id = await EditorWorkflowTests.CreateAsync(reporter, headline, "正文。");

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reporter, id, "Submit", "请审阅")).StatusCode);
        Assert.Equal(ArticleStatus.AwaitingFirstReview, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(editor, id, "PassFirstReview", "初审：数字已核对")).StatusCode);
        Assert.Equal(ArticleStatus.AwaitingSecondReview, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(editor, id, "PassSecondReview")).StatusCode);
        Assert.Equal(ArticleStatus.AwaitingFinalReview, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(chief, id, "Publish", "同意发布")).StatusCode);
        Assert.Equal(ArticleStatus.Published, await StatusAsync(id));

        var steps = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id && r.Review != null).OrderBy(r => r.Id)
            .Select(r => new { r.Review, r.CreatedBy, r.Comment }).ToListAsync());
        Assert.Equal([ReviewStep.Submitted, ReviewStep.PassedFirstReview, ReviewStep.PassedSecondReview, ReviewStep.Published], steps.Select(s => s.Review!.Value));
        Assert.Equal([Reporter, Editor, Editor, Chief], steps.Select(s => s.CreatedBy));
        Assert.Equal(["请审阅", "初审：数字已核对", null, "同意发布"], steps.Select(s => s.Comment));

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor, e.Summary }).ToListAsync());
        Assert.Equal(
            [AuditActions.ArticleCreated, AuditActions.ArticleSubmitted, AuditActions.ArticleReviewPassed, AuditActions.ArticleReviewPassed, AuditActions.ArticlePublished],
            audit.Select(e => e.Action));
        Assert.Equal([Reporter, Reporter, Editor, Editor, Chief], audit.Select(e => e.Actor));
        Assert.Contains("待初审 → 待复审", audit[2].Summary, StringComparison.Ordinal);
        Assert.Contains("初审：数字已核对", audit[2].Summary, StringComparison.Ordinal);

        // The story's desk page and its history show the steps with their comments.
        var page = await chief.GetDocumentAsync($"/editor/articles/{id}");
        Assert.Equal(["提交审核", "通过初审", "通过复审", "终审发布"], page.QuerySelectorAll(".review-trail li strong").Select(e => e.TextContent.Trim()));
        var history = await chief.GetDocumentAsync($"/editor/articles/{id}/history");
        Assert.Contains(history.QuerySelectorAll("[data-comment]"), c => c.TextContent.Trim() == "初审：数字已核对");
        using var reader = TestClients.Anonymous(factory);
        Assert.Contains(headline, await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_WithoutAComment_IsRefused_WithOne_GoesBackToTheWriter_WhoSeesTheComment()
    {
        using var reporter = await TestClients.ReporterAsync(factory, Reporter);
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("退回稿件"), "正文。");
        await StepAsync(reporter, id, "Submit");

        var refused = await StepAsync(editor, id, "Return", "  ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Forms.ParseAsync(refused, $"/editor/articles/{id}");
        Assert.Equal("退回时请写明原因", refusedPage.QuerySelector("[data-valmsg-for='ReviewComment']")!.TextContent.Trim());
        Assert.Equal(ArticleStatus.AwaitingFirstReview, await StatusAsync(id));

        var returned = await StepAsync(editor, id, "Return", "导语太长，请压缩到一百字以内。");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(id));
        Assert.Equal(ReviewStep.Returned, await LastStepAsync(id));
        Assert.Equal(AuditActions.ArticleReturned, await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));

        // The writer opens it again, sees why, and sends it back.
        var page = await reporter.GetDocumentAsync($"/editor/articles/{id}");
        Assert.NotNull(page.QuerySelector("[data-returned]"));
        Assert.Contains(page.QuerySelectorAll(".review-trail [data-comment]"), c => c.TextContent.Trim() == "导语太长，请压缩到一百字以内。");
        var desk = await reporter.GetDocumentAsync("/editor");
        var mine = desk.QuerySelector($"#my-stories tr[data-article='{id}']")!;
        Assert.Contains("已退回", mine.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reporter, id, "Submit")).StatusCode);
        Assert.Equal(ArticleStatus.AwaitingFirstReview, await StatusAsync(id));
        Assert.Equal(ReviewStep.Submitted, await LastStepAsync(id));
    }

    [Fact]
    public async Task AStep_FromTheWrongStage_IsRefusedAsAConflict_AndChangesNothing()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await EditorWorkflowTests.CreateAsync(editor, ReaderTestData.Unique("跳级"), "正文。");
        var form = await EditorWorkflowTests.FormAsync(editor, id);

        // 通过复审 of a draft: the button is not there, so the form is posted to the handler as a tool would.
        using var content = new FormUrlEncodedContent(Forms.Fields(form));
        var response = await editor.PostAsync(new Uri($"/editor/articles/{id}?handler=PassSecondReview", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Revisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task AnEditor_CannotPublish_EvenByPostingTheForm()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await EditorWorkflowTests.CreateAsync(editor, ReaderTestData.Unique("编辑不能发布"), "正文。");
        var form = await EditorWorkflowTests.FormAsync(editor, id);
        Assert.DoesNotContain(form.QuerySelectorAll("button[formaction]"), b => b.GetAttribute("formaction")!.EndsWith("handler=Publish", StringComparison.Ordinal));

        using var content = new FormUrlEncodedContent(Forms.Fields(form));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/editor/articles/{id}?handler=Publish", UriKind.Relative), content)).StatusCode);
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task AnImportedStorysEdit_GoesThroughReview_WhileThePrintedTextStaysLive_AndGoesLiveOnTheFinalReview()
    {
        var id = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.ImportKey != null && a.Status == ArticleStatus.Published && a.Headline != null && !a.EditedSinceImport)
            .OrderBy(a => a.Id).Select(a => a.Id).Skip(3).FirstAsync());
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var chief = await TestClients.ChiefEditorAsync(factory, Chief);
        using var reader = TestClients.Anonymous(factory);
        var printed = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync());
        var edited = printed + "\n\n编辑补充的一段。";

        var editorForm = await EditorWorkflowTests.FormAsync(editor, id);
        Assert.NotNull(editorForm.QuerySelector("[data-through-review]"));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorWorkflowTests.SubmitAsync(editor, editorForm, new Dictionary<string, string?> { ["Input.Body"] = edited }, "Save")).StatusCode);

        // Saved as the story's working copy: the form shows it, readers still get the printed text.
        Assert.Equal(edited, EditorWorkflowTests.Field(await EditorWorkflowTests.FormAsync(editor, id), "Input.Body"));
        Assert.Equal(printed, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync()));
        Assert.DoesNotContain("编辑补充的一段。", await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);

        await StepAsync(editor, id, "Submit");
        Assert.Equal(ArticleStatus.AwaitingFirstReview, await CopyStageAsync(id));
        Assert.Contains(id, QueueIds(await editor.GetDocumentAsync("/editor"), "#waiting-for-me"));
        await StepAsync(editor, id, "PassFirstReview");
        await StepAsync(editor, id, "PassSecondReview");
        Assert.Equal(ArticleStatus.AwaitingFinalReview, await CopyStageAsync(id));
        Assert.Equal(ArticleStatus.Published, await StatusAsync(id));
        Assert.DoesNotContain("编辑补充的一段。", await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(id, QueueIds(await chief.GetDocumentAsync("/editor"), "#waiting-for-me"));

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(chief, id, "Publish", "同意修改")).StatusCode);

        Assert.Null(await CopyStageAsync(id));
        Assert.Equal(ArticleStatus.Published, await StatusAsync(id));
        Assert.Contains("编辑补充的一段。", await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);
        var steps = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => new { r.Action, r.CreatedBy }).ToListAsync());
        Assert.Equal(["修改稿：保存", "修改稿：提交审核", "修改稿：通过初审", "修改稿：通过复审", "终审发布修改稿"], steps.TakeLast(5).Select(s => s.Action));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync());
        Assert.Equal(
            [AuditActions.ArticleSaved, AuditActions.ArticleSubmitted, AuditActions.ArticleReviewPassed, AuditActions.ArticleReviewPassed, AuditActions.ArticlePublished],
            audit.TakeLast(5).Select(e => e.Action));
        Assert.Equal(Chief, audit[^1].Actor);
    }

    [Fact]
    public async Task AReturnedEditOfAPublishedStory_GoesBackToItsWriter_AndThePublishedTextStays()
    {
        var id = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.ImportKey != null && a.Status == ArticleStatus.Published && a.Headline != null && !a.EditedSinceImport)
            .OrderBy(a => a.Id).Select(a => a.Id).Skip(5).FirstAsync());
        using var writer = await TestClients.EditorAsync(factory, "copy-writer@test.local");
        using var reviewer = await TestClients.EditorAsync(factory, Editor);
        var printed = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync());

        await EditorWorkflowTests.SubmitAsync(writer, await EditorWorkflowTests.FormAsync(writer, id), new Dictionary<string, string?> { ["Input.Body"] = printed + "\n\n待退回的补充。" }, "Submit");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reviewer, id, "Return", "补充的内容没有出处。")).StatusCode);

        Assert.Equal(ArticleStatus.Draft, await CopyStageAsync(id));
        var mine = await writer.GetDocumentAsync("/editor");
        Assert.Contains("已退回", mine.QuerySelector($"#my-stories tr[data-article='{id}']")!.TextContent, StringComparison.Ordinal);
        var page = await writer.GetDocumentAsync($"/editor/articles/{id}");
        Assert.Contains(page.QuerySelectorAll(".review-trail [data-comment]"), c => c.TextContent.Trim() == "补充的内容没有出处。");
        Assert.Equal(printed, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync()));
    }

    [Fact]
    public async Task AChiefEditorsOwnEditOfAPublishedStory_IsTheFinalReview_AndGoesLiveAtOnce()
    {
        var id = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.ImportKey != null && a.Status == ArticleStatus.Published && a.Headline != null && !a.EditedSinceImport)
            .OrderBy(a => a.Id).Select(a => a.Id).Skip(7).FirstAsync());
        using var chief = await TestClients.ChiefEditorAsync(factory, Chief);
        using var reader = TestClients.Anonymous(factory);
        var printed = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync());

        var saved = await EditorWorkflowTests.SubmitAsync(chief, await EditorWorkflowTests.FormAsync(chief, id), new Dictionary<string, string?> { ["Input.Body"] = printed + "\n\n总编辑核准的补充。" }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(await CopyStageAsync(id));
        Assert.Contains("总编辑核准的补充。", await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);
        var last = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).LastAsync());
        Assert.Equal((AuditActions.ArticleSaved, Chief), (last.Action, last.Actor));
    }

    [Fact]
    public async Task History_OffersRestore_OnlyToThoseWhoMayChangeTheStory()
    {
        using var reporter = await TestClients.ReporterAsync(factory, Reporter);
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var draft = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("历史"), "正文。");
        var published = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Revisions.Any()).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

        Assert.Empty((await reporter.GetDocumentAsync($"/editor/articles/{draft}/history")).QuerySelectorAll("form[id^='restore-']"));
        Assert.NotEmpty((await editor.GetDocumentAsync($"/editor/articles/{draft}/history")).QuerySelectorAll("form[id^='restore-']"));
        var history = await editor.GetDocumentAsync($"/editor/articles/{published}/history");
        Assert.Empty(history.QuerySelectorAll("form[id^='restore-']"));

        // Posted by hand, the restore of a published story's old text is refused as the form's save is.
        var token = Forms.Fields(history.Form("#compare-form")).Concat(Forms.Fields((await EditorWorkflowTests.FormAsync(editor, draft))))
            .Where(f => f.Key == "__RequestVerificationToken");
        var revision = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == published).Select(r => r.Id).FirstAsync());
        using var content = new FormUrlEncodedContent(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/editor/articles/{published}/history?handler=Restore&revisionId={revision}", UriKind.Relative), content)).StatusCode);
    }

    [Fact]
    public async Task TheDesk_ListsMyStories_AndWhatWaitsForMyRole_OldestFirst()
    {
        const string writer = "queue-reporter@test.local";
        using var reporter = await TestClients.ReporterAsync(factory, writer);
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var chief = await TestClients.ChiefEditorAsync(factory, Chief);
        var first = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("先交"), "正文。");
        var second = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("后交"), "正文。");
        var draft = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("未交"), "正文。");
        await StepAsync(reporter, first, "Submit");
        await StepAsync(reporter, second, "Submit");

        var mine = await reporter.GetDocumentAsync("/editor");
        Assert.Null(mine.QuerySelector("#waiting-for-me"));
        var mineRows = QueueIds(mine, "#my-stories");
        // Oldest first by the time each entered its stage: the draft was last touched before the two were submitted.
        Assert.Equal([draft, first, second], mineRows.Where(i => i == first || i == second || i == draft));
        Assert.Equal("待初审", mine.QuerySelector($"#my-stories tr[data-article='{first}'] [data-stage]")!.TextContent.Trim());
        // A reporter's desk holds only their own stories.
        Assert.All(mine.QuerySelectorAll("table.desk a[href^='/editor/articles/']"), a => Assert.Contains(
            int.Parse(a.GetAttribute("href")!["/editor/articles/".Length..], System.Globalization.CultureInfo.InvariantCulture),
            new[] { first, second, draft }.Concat(mineRows)));

        var waiting = QueueIds(await editor.GetDocumentAsync("/editor"), "#waiting-for-me");
        Assert.Equal([first, second], waiting.Where(i => i == first || i == second));
        Assert.DoesNotContain(draft, waiting);
        Assert.DoesNotContain(first, QueueIds(await chief.GetDocumentAsync("/editor"), "#waiting-for-me"));

        await StepAsync(editor, first, "PassFirstReview");
        await StepAsync(editor, first, "PassSecondReview");

        Assert.DoesNotContain(first, QueueIds(await editor.GetDocumentAsync("/editor"), "#waiting-for-me"));
        Assert.Contains(first, QueueIds(await chief.GetDocumentAsync("/editor"), "#waiting-for-me"));
    }

    [Fact]
    public async Task OneLevel_ASubmittedStoryGoesStraightToTheFinalReview()
    {
        using var oneLevel = factory.WithWebHostBuilder(b => b.UseSetting("NewsRoom:Review:Levels", "1"));
        using var reporter = await TestClients.ReporterAsync(oneLevel, Reporter);
        using var chief = await TestClients.ChiefEditorAsync(oneLevel, Chief);
        var id = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("一审"), "正文。");

        await StepAsync(reporter, id, "Submit");
        Assert.Equal(ArticleStatus.AwaitingFinalReview, await StatusAsync(id));
        await StepAsync(chief, id, "Publish");
        Assert.Equal(ArticleStatus.Published, await StatusAsync(id));
    }

    [Fact]
    public async Task TwoLevels_TheFirstReviewPassesStraightToTheFinal()
    {
        using var twoLevels = factory.WithWebHostBuilder(b => b.UseSetting("NewsRoom:Review:Levels", "2"));
        using var reporter = await TestClients.ReporterAsync(twoLevels, Reporter);
        using var editor = await TestClients.EditorAsync(twoLevels, Editor);
        var id = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("二审"), "正文。");

        await StepAsync(reporter, id, "Submit");
        Assert.Equal(ArticleStatus.AwaitingFirstReview, await StatusAsync(id));
        await StepAsync(editor, id, "PassFirstReview");
        Assert.Equal(ArticleStatus.AwaitingFinalReview, await StatusAsync(id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    public void Levels_OutsideOneToThree_StopTheSiteFromStarting(string levels)
    {
        using var wrong = factory.WithWebHostBuilder(b => b.UseSetting("NewsRoom:Review:Levels", levels));

        var error = Assert.ThrowsAny<Exception>(() => wrong.CreateClient());

        Assert.Contains("NewsRoom:Review:Levels", error.ToString(), StringComparison.Ordinal);
    }

    private Task<ArticleStatus?> CopyStageAsync(int id) =>
        factory.WithDbAsync(db => db.WorkingCopies.Where(w => w.ArticleId == id).Select(w => (ArticleStatus?)w.Stage).SingleOrDefaultAsync());

    private Task<ReviewStep?> LastStepAsync(int id) =>
        factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id && r.Review != null).OrderBy(r => r.Id).Select(r => r.Review).LastAsync());

    private Task<ArticleStatus> StatusAsync(int id) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static List<int> QueueIds(IHtmlDocument desk, string queue) =>
        desk.QuerySelectorAll($"{queue} tr[data-article]").Select(r => int.Parse(r.GetAttribute("data-article")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Opens the story and presses a review button, with the comment typed into 审核意见.</summary>
    internal static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string handler, string? comment = null) =>
        await EditorWorkflowTests.SubmitAsync(client, await EditorWorkflowTests.FormAsync(client, id), new Dictionary<string, string?> { ["ReviewComment"] = comment }, handler);
}
