using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Issue 25's check as one story's life through the forms: a reporter writes and submits and cannot publish; an editor
/// returns it with a comment the reporter reads, then passes 初审 and 复审; the chief publishes, corrects and retracts it;
/// and /admin/audit and its CSV hold every one of those steps with the account that took it.
/// </summary>
public class EditorialAccountabilityTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const string Reporter = "life-reporter@test.local";
    private const string Editor = "life-editor@test.local";
    private const string Chief = "life-chief@test.local";

    [Fact]
    public async Task AStorysWholeLife_ThroughTheForms_IsOnTheAuditPageAndInItsCsv_WithEachStepsAccount()
    {
        using var reporter = await TestClients.ReporterAsync(factory, Reporter);
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var chief = await TestClients.ChiefEditorAsync(factory, Chief);
        using var admin = await TestClients.AdminAsync(factory);
        using var reader = TestClients.Anonymous(factory);
        var headline = ReaderTestData.Unique("一篇稿件的一生");
        var id = await EditorWorkflowTests.CreateAsync(reporter, headline, "正文第一稿。");

        // The reporter's form has no 发布 button; posting its handler anyway is refused by the server and changes nothing.
        var form = await EditorWorkflowTests.FormAsync(reporter, id);
        Assert.Null(form.QuerySelector("button[formaction$='handler=Publish']"));
        var save = form.QuerySelector<IHtmlButtonElement>("button[formaction$='handler=Save']")!;
        save.SetAttribute("formaction", save.GetAttribute("formaction")!.Replace("handler=Save", "handler=Publish", StringComparison.Ordinal));
        using (var refused = await reporter.SubmitAsync(form, button: save))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await ReviewWorkflowTests.StepAsync(reporter, id, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewWorkflowTests.StepAsync(editor, id, "Return", "导语太长，请压缩。")).StatusCode);
        var returned = await reporter.GetDocumentAsync($"/editor/articles/{id}");
        Assert.Contains("导语太长，请压缩。", returned.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewWorkflowTests.StepAsync(reporter, id, "Submit", "已压缩")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewWorkflowTests.StepAsync(editor, id, "PassFirstReview")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewWorkflowTests.StepAsync(editor, id, "PassSecondReview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewWorkflowTests.StepAsync(chief, id, "Publish", "同意")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        using (var corrected = await chief.SubmitAsync($"/editor/articles/{id}/notices", "form[data-action='correct']",
            new Dictionary<string, string?> { ["Correction.Kind"] = "Correction", ["Correction.Text"] = "文中人数有误，已更正。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        }
        Assert.Contains("文中人数有误，已更正。", await reader.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)), StringComparison.Ordinal);
        using (var retracted = await chief.SubmitAsync($"/editor/articles/{id}/notices", "form[data-action='retract']",
            new Dictionary<string, string?> { ["Retraction.PublicReason"] = "报道所涉事实有误。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, retracted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        (string Action, string Actor)[] expected =
        [
            (AuditActions.ArticleRetracted, Chief),
            (AuditActions.ArticleCorrected, Chief),
            (AuditActions.ArticlePublished, Chief),
            (AuditActions.ArticleReviewPassed, Editor),
            (AuditActions.ArticleReviewPassed, Editor),
            (AuditActions.ArticleSubmitted, Reporter),
            (AuditActions.ArticleReturned, Editor),
            (AuditActions.ArticleSubmitted, Reporter),
            (AuditActions.ArticleCreated, Reporter),
        ];
        var page = await admin.GetDocumentAsync($"/admin/audit?article={id}");
        var rows = page.QuerySelectorAll("tbody tr").Select(tr => (tr.GetAttribute("data-action")!, tr.Children[1].TextContent.Trim())).ToArray();
        Assert.Equal(expected, rows);

        var csv = await admin.GetStringAsync(new Uri($"/admin/audit?article={id}&handler=Csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(expected.Length, lines.Count);
        Assert.All(lines.Zip(expected), pair => Assert.Contains(pair.Second.Actor, pair.First, StringComparison.Ordinal));
        Assert.Contains("导语太长，请压缩。", lines[6], StringComparison.Ordinal);
        Assert.Contains("报道所涉事实有误。", lines[0], StringComparison.Ordinal);
    }

    private Task<ArticleStatus> StatusAsync(int id) => factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
