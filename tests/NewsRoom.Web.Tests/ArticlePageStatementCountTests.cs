namespace NewsRoom.Web.Tests;

/// <summary>
/// The article page reads its data through its own prepared statement (ArticlePageStatement), not through EF: viewing
/// it runs no EF command at all, where it once ran seven.
/// </summary>
public class ArticlePageStatementCountTests(CommandLogFactory factory) : IClassFixture<CommandLogFactory>
{
    [Fact]
    public async Task ArticlePage_RunsNoEfCommand_ItsOneStatementReadsEverything()
    {
        var (article, neighbour) = await factory.WithDbAsync(async db =>
        {
            var issue = await ReaderTestData.CreateIssueAsync(db, "语句计数报");
            var first = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("计数一"), regions: ["xilinguole"],
                bylines: [("计数记者", BylineRole.Reporter)], photoCaption: "计数图片", issueId: issue, pagePosition: 1);
            var second = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("计数二"), regions: ["xilinguole"],
                issueId: issue, pagePosition: 2);
            return (first, second);
        });
        using var reader = TestClients.Anonymous(factory);
        await reader.GetDocumentAsync($"/articles/{neighbour.Id}");
        factory.Log.Clear();

        var page = await reader.GetDocumentAsync($"/articles/{article.Id}");

        // Everything the page shows came from the one statement: headline, byline, photo, region, paper and neighbour.
        var text = page.Body!.TextContent;
        Assert.Contains(article.Headline!, text, StringComparison.Ordinal);
        Assert.Contains("计数记者", text, StringComparison.Ordinal);
        Assert.Contains("计数图片", text, StringComparison.Ordinal);
        Assert.Contains("语句计数报", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/articles/{neighbour.Id}']"));
        Assert.Empty(factory.Log.Commands);
    }
}
