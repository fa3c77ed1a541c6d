using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class ReaderSiteTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryReaderAddress_Answers()
    {
        using var client = factory.CreateClient();
        var (articleId, issueId, personId) = await factory.WithDbAsync(async db => (
            await db.PublishedArticles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            await db.PublishedArticles.Where(a => a.IssueId != null).Select(a => a.IssueId!.Value).FirstAsync(),
            await db.ArticleBylines.Where(b => b.Article.Status == ArticleStatus.Published).Select(b => b.PersonId).FirstOrDefaultAsync()));
        if (personId == 0)
        {
            personId = await factory.WithDbAsync(async db =>
                (await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("署名稿"), bylines: [(ReaderTestData.Unique("记者"), BylineRole.Reporter)])).Bylines[0].PersonId);
        }

        string[] paths =
        [
            "/", "/regions", "/regions/hulunbeier", "/regions/manzhouli-city", "/regions/hulunbeier?county=manzhouli-city",
            $"/articles/{articleId}", "/issues", $"/issues/{issueId}", $"/people/{personId}", "/photos",
            "/feed.xml", "/regions/hulunbeier/feed.xml", "/sitemap.xml",
            "/sitemaps/sections.xml", "/sitemaps/issues-1.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml", "/robots.txt",
        ];
        foreach (var path in paths)
        {
            var (status, _) = await GetAsync(client, path);
            Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}");
        }
    }

    [Fact]
    public async Task CrawlFromTheFrontPage_EveryLinkAnswers_AndEveryPageHasOneH1()
    {
        using var client = factory.CreateClient();
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var failures = new List<string>();
        while (queue.Count > 0 && seen.Count < 1500)
        {
            var path = queue.Dequeue();
            var (status, body) = await GetAsync(client, path);
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"{path}: {status}");
                continue;
            }
            if (path.EndsWith(".xml", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal))
            {
                continue;
            }
            var document = await Parser.ParseDocumentAsync(body);
            if (document.QuerySelectorAll("h1").Length != 1)
            {
                failures.Add($"{path}: {document.QuerySelectorAll("h1").Length} h1");
            }
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // The search, account, desk and admin pages belong to other parts of the site.
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
                    && !href.StartsWith("/search", StringComparison.Ordinal) && !href.StartsWith("/account", StringComparison.Ordinal)
                    && !href.StartsWith("/editor", StringComparison.Ordinal) && !href.StartsWith("/admin", StringComparison.Ordinal)
                    && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(seen.Count > 150, $"the crawl reached only {seen.Count} pages");
        Assert.Contains("/regions/hulunbeier", seen);
        Assert.Contains("/feed.xml", seen);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/articles/999999")]
    [InlineData("/regions/nowhere")]
    [InlineData("/regions/nowhere/feed.xml")]
    [InlineData("/regions/hulunbeier?county=baotou")]
    [InlineData("/regions/hulunbeier?page=999")]
    [InlineData("/issues/999999")]
    [InlineData("/people/999999")]
    [InlineData("/photos?page=999")]
    public async Task UnknownAddresses_Are404_InChinese(string path)
    {
        using var client = factory.CreateClient();

        var (status, body) = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        if (!path.EndsWith(".xml", StringComparison.Ordinal))
        {
            Assert.Contains("页面不存在", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LeaguePage_HoldsItsCountiesArticles_AndTheCountyFilterNarrowsThem()
    {
        var headline = ReaderTestData.Unique("满洲里口岸新闻");
        await factory.WithDbAsync(db => ReaderTestData.CreateArticleAsync(db, headline, regions: ["manzhouli-city"]));
        using var client = factory.CreateClient();

        var league = WebUtility.HtmlDecode((await GetAsync(client, "/regions/hulunbeier")).Body);
        var filtered = WebUtility.HtmlDecode((await GetAsync(client, "/regions/hulunbeier?county=manzhouli-city")).Body);
        var otherCounty = WebUtility.HtmlDecode((await GetAsync(client, "/regions/hulunbeier?county=hailaer-district")).Body);
        var county = WebUtility.HtmlDecode((await GetAsync(client, "/regions/manzhouli-city")).Body);
        var otherLeague = WebUtility.HtmlDecode((await GetAsync(client, "/regions/baotou")).Body);

        Assert.Contains(headline, league, StringComparison.Ordinal);
        Assert.Contains(headline, filtered, StringComparison.Ordinal);
        Assert.Contains(headline, county, StringComparison.Ordinal);
        Assert.DoesNotContain(headline, otherCounty, StringComparison.Ordinal);
        Assert.DoesNotContain(headline, otherLeague, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionPage_PagesByTwenty_WithRelPrevAndNext()
    {
        // Ordos gets 25 articles of its own so the test does not depend on how many the seeds hold.
        var prefix = ReaderTestData.Unique("鄂尔多斯分页");
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 25; i++)
            {
                await ReaderTestData.CreateArticleAsync(db, $"{prefix}-{i}", regions: ["dongsheng-district"]);
            }
            return 0;
        });
        var total = await factory.WithDbAsync(db => db.PublishedArticles.CountAsync(a => a.Regions.Any(r => r.Region.Slug == "dongsheng-district")));
        using var client = factory.CreateClient();

        var first = await Parser.ParseDocumentAsync((await GetAsync(client, "/regions/dongsheng-district")).Body);
        var second = await Parser.ParseDocumentAsync((await GetAsync(client, "/regions/dongsheng-district?page=2")).Body);

        Assert.Equal(20, first.QuerySelectorAll(".article-list li").Length);
        Assert.Equal(total - 20, second.QuerySelectorAll(".article-list li").Length);
        Assert.Equal("/regions/dongsheng-district?page=2", first.QuerySelector("link[rel=next]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("link[rel=prev]"));
        Assert.Equal("/regions/dongsheng-district", second.QuerySelector("link[rel=prev]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ArticlePage_ShowsTheArticleAsPrinted_WithJsonLdForEveryAuthor()
    {
        var headline = ReaderTestData.Unique("包头稀土产业");
        var reporter = ReaderTestData.Unique("记者甲");
        var photographer = ReaderTestData.Unique("摄影乙");
        var article = await factory.WithDbAsync(async db =>
        {
            var a = await ReaderTestData.CreateArticleAsync(db, headline, regions: ["baotou", "kundulun-district"],
                bylines: [(reporter, BylineRole.Reporter), (photographer, BylineRole.Photographer)],
                body: "稀土新材料项目开工。\n\n| 项目 | 投资 |\n| --- | --- |\n| 甲 | 10亿元 |\n\n<script>alert(1)</script>",
                photoCaption: "项目现场");
            a.Column = "经济";
            a.Kicker = "聚焦产业";
            a.Subheadline = "副题文字";
            a.DatelinePlace = "包头";
            a.DatelineDate = "6月2日";
            a.DatelineKind = "电";
            await db.SaveChangesAsync();
            return a;
        });
        using var client = factory.CreateClient();

        var (status, html) = await GetAsync(client, $"/articles/{article.Id}");
        var page = await Parser.ParseDocumentAsync(html);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(html.Length < 100_000, $"the article page weighs {html.Length} characters");
        Assert.Equal(headline, page.QuerySelector("h1")?.TextContent);
        Assert.Equal("经济", page.QuerySelector(".column")?.TextContent);
        Assert.Equal("聚焦产业", page.QuerySelector(".kicker")?.TextContent);
        Assert.Equal("副题文字", page.QuerySelector(".subheadline")?.TextContent);
        var firstParagraph = page.QuerySelector(".body p")!;
        Assert.StartsWith("本报包头6月2日电", firstParagraph.TextContent, StringComparison.Ordinal);
        Assert.Contains("稀土新材料项目开工。", firstParagraph.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".body table"));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var bylineLinks = page.QuerySelectorAll(".bylines a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(2, bylineLinks.Count);
        Assert.All(bylineLinks, l => Assert.Matches("^/people/[0-9]+$", l.Item2));
        Assert.Contains("记者", page.QuerySelector(".bylines")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("摄影", page.QuerySelector(".bylines")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("项目现场 测试摄影 摄", string.Join(' ', page.QuerySelector("figure figcaption")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.NotNull(page.QuerySelector("a[href='/regions/baotou']"));
        Assert.NotNull(page.QuerySelector("a[href='/regions/kundulun-district']"));
        Assert.EndsWith($"/articles/{article.Id}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(headline, page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));

        using var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("NewsArticle", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal(headline, ld.RootElement.GetProperty("headline").GetString());
        Assert.Equal("经济", ld.RootElement.GetProperty("articleSection").GetString());
        var authors = ld.RootElement.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal([reporter, photographer], authors);
    }

    [Fact]
    public async Task ArticlePage_LinksItsNeighboursOnThePage_AndRelatedFromItsPrimaryRegion()
    {
        var prefix = ReaderTestData.Unique("乌海版面");
        var (first, hidden, third, related) = await factory.WithDbAsync(async db =>
        {
            var issue = await ReaderTestData.CreateIssueAsync(db, "乌海日报");
            var a = await ReaderTestData.CreateArticleAsync(db, $"{prefix}-头条", regions: ["wuhai"], issueId: issue, pagePosition: 0);
            var b = await ReaderTestData.CreateArticleAsync(db, $"{prefix}-草稿", ArticleStatus.Draft, regions: ["wuhai"], issueId: issue, pagePosition: 1);
            var c = await ReaderTestData.CreateArticleAsync(db, $"{prefix}-三条", regions: ["wuhai"], issueId: issue, pagePosition: 2);
            var r = await ReaderTestData.CreateArticleAsync(db, $"{prefix}-相关", regions: ["wuhai"]);
            return (a.Id, b.Id, c.Id, r.Id);
        });
        using var client = factory.CreateClient();

        var page = await Parser.ParseDocumentAsync((await GetAsync(client, $"/articles/{third}")).Body);

        Assert.Equal($"/articles/{first}", page.QuerySelector(".prev-next a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".prev-next a[rel=next]"));
        var relatedLinks = page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/articles/{related}", relatedLinks);
        Assert.DoesNotContain($"/articles/{hidden}", relatedLinks);
        Assert.DoesNotContain($"/articles/{third}", relatedLinks);
    }

    [Fact]
    public async Task IssuePage_ListsItsArticlesInPrintedOrder_AndPeoplePageByRole()
    {
        var prefix = ReaderTestData.Unique("赤峰版面");
        var reporter = ReaderTestData.Unique("记者丙");
        var (issue, personId) = await factory.WithDbAsync(async db =>
        {
            var id = await ReaderTestData.CreateIssueAsync(db, "赤峰日报");
            await ReaderTestData.CreateArticleAsync(db, $"{prefix}-二", regions: ["chifeng"], issueId: id, pagePosition: 1, photoCaption: "赤峰图片",
                bylines: [(reporter, BylineRole.Photographer)]);
            var a = await ReaderTestData.CreateArticleAsync(db, $"{prefix}-一", regions: ["chifeng"], issueId: id, pagePosition: 0,
                bylines: [(reporter, BylineRole.Reporter)]);
            return (id, a.Bylines[0].PersonId);
        });
        using var client = factory.CreateClient();

        var issuePage = await Parser.ParseDocumentAsync((await GetAsync(client, $"/issues/{issue}")).Body);
        var personPage = await Parser.ParseDocumentAsync((await GetAsync(client, $"/people/{personId}")).Body);

        Assert.Equal("赤峰日报 2025年6月2日", issuePage.QuerySelector("h1")?.TextContent);
        Assert.Equal([$"{prefix}-一", $"{prefix}-二"], issuePage.QuerySelectorAll(".printed h2").Select(h => h.TextContent).ToList());
        Assert.Contains("赤峰图片", issuePage.QuerySelector(".printed figcaption")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(reporter, personPage.QuerySelector("h1")?.TextContent);
        var groups = personPage.QuerySelectorAll("section").Select(s => (s.QuerySelector("h2")!.TextContent, s.QuerySelector("li a")!.TextContent)).ToList();
        Assert.Equal(2, groups.Count);
        Assert.StartsWith("作为记者", groups[0].Item1, StringComparison.Ordinal);
        Assert.Equal($"{prefix}-一", groups[0].Item2);
        Assert.StartsWith("作为摄影", groups[1].Item1, StringComparison.Ordinal);
        Assert.Equal($"{prefix}-二", groups[1].Item2);
    }

    [Fact]
    public async Task PeoplePage_ShowsEachRolesNewestStories_AndPagesThroughOneRole()
    {
        var prefix = ReaderTestData.Unique("通辽稿");
        var reporter = ReaderTestData.Unique("记者丁");
        var personId = await factory.WithDbAsync(async db =>
        {
            var start = new DateTime(2022, 5, 1, 8, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 23; i++)
            {
                await ReaderTestData.CreateArticleAsync(db, $"{prefix}-{i}", regions: ["tongliao"], bylines: [(reporter, BylineRole.Reporter)], publishedAt: start.AddHours(i));
            }
            await ReaderTestData.CreateArticleAsync(db, $"{prefix}-图", regions: ["tongliao"], bylines: [(reporter, BylineRole.Photographer)], photoCaption: "通辽图片");
            var draft = await ReaderTestData.CreateArticleAsync(db, $"{prefix}-稿", ArticleStatus.Draft, bylines: [(reporter, BylineRole.Reporter)]);
            return draft.Bylines[0].PersonId;
        });
        using var client = factory.CreateClient();
        static List<string> Titles(AngleSharp.Dom.IElement section) => section.QuerySelectorAll("li > a").Select(a => a.TextContent).ToList();

        var overview = await Parser.ParseDocumentAsync((await GetAsync(client, $"/people/{personId}")).Body);
        var sections = overview.QuerySelectorAll("section").ToList();
        Assert.Equal(["作为记者（23 篇）", "作为摄影（1 篇）"], sections.Select(s => s.QuerySelector("h2")!.TextContent).ToList());
        Assert.Equal(Enumerable.Range(3, 20).Reverse().Select(i => $"{prefix}-{i}"), Titles(sections[0]));
        Assert.Equal($"/people/{personId}?role=Reporter", sections[0].QuerySelector("p.more a")?.GetAttribute("href"));
        Assert.Null(sections[1].QuerySelector("p.more"));

        var first = await Parser.ParseDocumentAsync((await GetAsync(client, $"/people/{personId}?role=Reporter")).Body);
        var second = await Parser.ParseDocumentAsync((await GetAsync(client, $"/people/{personId}?role=Reporter&page=2")).Body);
        Assert.Single(first.QuerySelectorAll("section"));
        Assert.Equal(Titles(sections[0]), Titles(first.QuerySelector("section")!));
        Assert.Equal($"/people/{personId}?role=Reporter&page=2", first.QuerySelector("link[rel=next]")?.GetAttribute("href"));
        Assert.Equal([$"{prefix}-2", $"{prefix}-1", $"{prefix}-0"], Titles(second.QuerySelector("section")!));
        Assert.Equal($"/people/{personId}", second.QuerySelector("nav.breadcrumb a")?.GetAttribute("href"));

        // A page past the end, a role they never had, a word that is no role, and paging the overview are not pages.
        foreach (var path in new[] { "?role=Reporter&page=3", "?role=Correspondent", "?role=Editor", "?role=99", "?page=2" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"/people/{personId}{path}")).Status);
        }
    }
}
