using System.Net;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>The desk gives an item printed without a title a display title of its own; readers see it marked as not printed.</summary>
public class DeskDisplayTitleTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task Desk_SetsADisplayTitle_OnPhotoNewsWithoutAHeadline_AndReadersSeeItMarkedNotPrinted()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, "display-chief@test.local");
        using var reader = TestClients.Anonymous(factory);
        var id = await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var article = new Article
            {
                Kind = ArticleKind.Photo, Body = "", Status = ArticleStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
                Photos = [new Photo { Caption = "近日，鄂尔多斯市康巴什区的湖面上迎来成群的候鸟。", Order = 0 }],
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        Assert.Equal("图片新闻｜鄂尔多斯市康巴什区的湖面上迎来成群的候鸟",
            (await reader.GetDocumentAsync($"/articles/{id}")).QuerySelector("h1")!.TextContent);

        // Saved with no headline (the published item stays published): photo news may be printed without one.
        var form = await EditorWorkflowTests.FormAsync(editor, id);
        Assert.Equal("", EditorWorkflowTests.Field(form, "Input.Headline") ?? "");
        var saved = await EditorWorkflowTests.SubmitAsync(editor, form, new Dictionary<string, string?> { ["Input.DisplayTitle"] = "候鸟翔集康巴什" }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => new { a.Headline, a.DisplayTitle }).SingleAsync());
        Assert.Null(stored.Headline);
        Assert.Equal("候鸟翔集康巴什", stored.DisplayTitle);
        var page = await reader.GetDocumentAsync($"/articles/{id}");
        var h1 = page.QuerySelector("h1")!;
        Assert.Equal("候鸟翔集康巴什", h1.TextContent);
        Assert.Equal("false", h1.GetAttribute("data-printed"));
        Assert.Equal("候鸟翔集康巴什 - 北疆新闻", page.Title);
        Assert.Equal("候鸟翔集康巴什", EditorWorkflowTests.Field(await EditorWorkflowTests.FormAsync(editor, id), "Input.DisplayTitle"));
    }

    [Fact]
    public async Task Desk_StillRequiresAHeadline_OfAnArticle()
    {
        using var editor = await TestClients.EditorAsync(factory, "display-title@test.local");
        var form = await EditorWorkflowTests.NewFormAsync(editor);
        var response = await EditorWorkflowTests.SubmitAsync(editor, form, new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(ArticleKind.Article), ["Input.Headline"] = "", ["Input.DisplayTitle"] = "网页标题", ["Input.Body"] = "正文。",
        }, "Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("请填写标题", page.QuerySelector("[data-valmsg-for='Input.Headline']")!.TextContent.Trim());
    }
}
