using System.Net;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class DraftLeakTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Scheduled)]
    [InlineData(ArticleStatus.Archived)]
    public async Task UnpublishedArticle_IsAbsentFromEveryReaderPage(ArticleStatus status)
    {
        var headline = ReaderTestData.Unique("未发布稿件");
        var author = ReaderTestData.Unique("未署名记者");
        var caption = ReaderTestData.Unique("未发布图片");
        var (hidden, personId, issueId, neighbour) = await factory.WithDbAsync(async db =>
        {
            var issue = await ReaderTestData.CreateIssueAsync(db, "包头日报");
            var before = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("同版文章"), regions: ["baotou"], issueId: issue, pagePosition: 0);
            var draft = await ReaderTestData.CreateArticleAsync(db, headline, status, regions: ["baotou", "kundulun-district"],
                bylines: [(author, BylineRole.Reporter)], issueId: issue, pagePosition: 1, photoCaption: caption);
            await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("同版文章"), regions: ["baotou"], issueId: issue, pagePosition: 2);
            return (draft.Id, draft.Bylines[0].PersonId, issue, before.Id);
        });
        using var client = factory.CreateClient();

        string[] lists =
        [
            "/", "/regions", "/regions/baotou", "/regions/kundulun-district", "/regions/baotou?county=kundulun-district",
            "/issues", $"/issues/{issueId}", $"/articles/{neighbour}", "/photos",
            "/feed.xml", "/regions/baotou/feed.xml", "/regions/kundulun-district/feed.xml", "/sitemap.xml",
            "/sitemaps/sections.xml", "/sitemaps/issues-1.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml",
        ];
        foreach (var path in lists)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
            Assert.DoesNotContain(headline, body, StringComparison.Ordinal);
            Assert.DoesNotContain(author, body, StringComparison.Ordinal);
            Assert.DoesNotContain(caption, body, StringComparison.Ordinal);
            Assert.DoesNotMatch($"/articles/{hidden}[\"<]", body);
        }
        foreach (var path in new[] { $"/articles/{hidden}", $"/people/{personId}" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task IssueWithOnlyDrafts_Is404_AndMissingFromTheIssueList()
    {
        var (issueId, paper) = await factory.WithDbAsync(async db =>
        {
            var name = ReaderTestData.Unique("草稿日报");
            var issue = await ReaderTestData.CreateIssueAsync(db, name);
            await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("草稿"), ArticleStatus.Draft, issueId: issue, pagePosition: 0);
            return (issue, name);
        });
        using var client = factory.CreateClient();

        using var issue = await client.GetAsync(new Uri($"/issues/{issueId}", UriKind.Relative));
        var list = await client.GetStringAsync(new Uri("/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
        Assert.DoesNotContain(paper, list, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.IssueId == issueId)));
    }
}
