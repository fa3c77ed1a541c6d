namespace NewsRoom.Web.Tests;

/// <summary>The front page's strip of a paper's latest edition stays a strip however many pages that day has.</summary>
public sealed class EditionStripTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task ADayOfManyPages_ShowsItsFirstSixteenOnTheFrontPage_AndLinksTheWholeDay()
    {
        const string paper = "长版测试日报";
        var day = new DateOnly(2026, 11, 30);
        await factory.WithDbAsync(async db =>
        {
            for (var number = 1; number <= 40; number++)
            {
                var page = await ReaderTestData.CreateIssueAsync(db, paper, day, number);
                await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique($"第{number}版的稿件"), issueId: page);
            }
            return 0;
        });

        var front = await factory.CreateClient().GetDocumentAsync("/");

        var strip = front.QuerySelectorAll(".edition-strip").Single(s => s.QuerySelector("h3")!.TextContent.Contains(paper, StringComparison.Ordinal));
        var links = strip.QuerySelectorAll("ol a").ToList();
        Assert.Equal(17, links.Count);
        Assert.Equal("全部 40 版", links[^1].TextContent.Trim());
        Assert.Equal(strip.QuerySelector("h3 a:last-child")!.GetAttribute("href"), links[^1].GetAttribute("href"));
    }
}
