using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>What a page says of itself: titles, meta descriptions, icons, structured data.</summary>
public class ReaderHeadTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static async Task<IDocument> OpenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost" + path));
    }

    /// <summary>A photo news item printed without a title and with no body, and a brief opening with its credit.</summary>
    private Task<(int Photo, int Brief)> CreateUntitledAsync() => factory.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow.AddYears(2);
        var photo = new Article
        {
            Kind = ArticleKind.Photo, Body = "", Status = ArticleStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
            Photos = [new Photo { Caption = "日前，锡林郭勒草原上的牧民正在转场，羊群沿着河谷缓缓前行。", Credits = "测试摄影", Order = 0 }],
        };
        var brief = new Article
        {
            Kind = ArticleKind.Brief, Body = "(草原云·内蒙古新闻网记者周蕾)机械轰鸣，塔吊林立，重点项目建设现场一派繁忙。",
            Status = ArticleStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
        };
        db.Articles.AddRange(photo, brief);
        await db.SaveChangesAsync();
        return (photo.Id, brief.Id);
    });

    [Fact]
    public async Task UntitledPhotoAndBrief_ShowADisplayTitle_InH1TitleJsonLdAndFeed_MarkedAsNotPrinted()
    {
        var (photo, brief) = await CreateUntitledAsync();
        using var client = TestClients.Anonymous(factory);

        foreach (var (id, expected) in new[] { (photo, "图片新闻｜锡林郭勒草原上的牧民正在转场"), (brief, "简讯｜机械轰鸣，塔吊林立") })
        {
            var page = await OpenAsync(client, $"/articles/{id}");
            var h1 = Assert.Single(page.QuerySelectorAll("h1"));
            Assert.Equal(expected, h1.TextContent);
            Assert.Equal("false", h1.GetAttribute("data-printed"));
            Assert.Equal($"{expected} - 北疆新闻", page.Title);
            using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            Assert.Equal(expected, jsonLd.RootElement.GetProperty("headline").GetString());
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        }

        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Descendants(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains("图片新闻｜锡林郭勒草原上的牧民正在转场", titles);
        Assert.DoesNotContain(titles, string.IsNullOrWhiteSpace);

        // Lists show the same title, never an empty link.
        var front = await OpenAsync(client, "/");
        Assert.DoesNotContain(front.QuerySelectorAll("main a[href^='/articles/']"), a => string.IsNullOrWhiteSpace(a.TextContent));
        Assert.Contains(front.QuerySelectorAll("main a"), a => a.TextContent == "简讯｜机械轰鸣，塔吊林立");
    }

    [Fact]
    public async Task PrintedHeadline_IsNotMarkedAsADisplayTitle()
    {
        var headline = ReaderTestData.Unique("印刷标题");
        var id = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, headline)).Id);
        using var client = TestClients.Anonymous(factory);
        var page = await OpenAsync(client, $"/articles/{id}");
        Assert.Equal(headline, page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("h1")!.GetAttribute("data-printed"));
        Assert.Null(page.QuerySelector(".title-note"));
    }

    [Fact]
    public async Task EveryReaderPage_HasOneNonEmptyMetaDescription_AndAFavicon()
    {
        var (photo, _) = await CreateUntitledAsync();
        var personId = await factory.WithDbAsync(db =>
            db.ArticleBylines.Where(b => db.PublishedArticles.Any(a => a.Id == b.ArticleId)).Select(b => b.PersonId).FirstAsync());
        using var client = TestClients.Anonymous(factory);
        string[] paths = ["/", "/regions", "/regions/hulunbeier", "/search", "/search?q=%E5%8C%85%E5%A4%B4", "/photos",
            $"/people/{personId}", $"/articles/{photo}"];
        foreach (var path in paths)
        {
            var page = await OpenAsync(client, path);
            var description = Assert.Single(page.QuerySelectorAll("meta[name=description]"));
            Assert.False(string.IsNullOrWhiteSpace(description.GetAttribute("content")), path);
            Assert.False(page.Title!.StartsWith(" -", StringComparison.Ordinal), path);
            Assert.Contains(page.QuerySelectorAll("link[rel=icon]"), l => l.GetAttribute("href")!.StartsWith("/favicon.svg?v=", StringComparison.Ordinal));
        }
        var region = await OpenAsync(client, "/regions/hulunbeier");
        Assert.StartsWith("呼伦贝尔市新闻：", region.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon", "public, max-age=604800")]
    [InlineData("/favicon.svg?v=1", "image/svg+xml", "public, max-age=31536000, immutable")]
    public async Task Favicon_IsServed_WithLongCaching(string path, string type, string cacheControl)
    {
        using var client = TestClients.Anonymous(factory);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(cacheControl, response.Headers.CacheControl!.ToString());
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task NewsArticleJsonLd_NamesThePublisherWithALogoThatIsServed()
    {
        var id = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("标志"),
            issueId: await ReaderTestData.CreateIssueAsync(db, "内蒙古日报"))).Id);
        using var client = TestClients.Anonymous(factory);
        var page = await OpenAsync(client, $"/articles/{id}");
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var publisher = jsonLd.RootElement.GetProperty("publisher");
        Assert.Equal("北疆新闻", publisher.GetProperty("name").GetString());
        var logo = publisher.GetProperty("logo");
        Assert.Equal("ImageObject", logo.GetProperty("@type").GetString());
        Assert.Equal(ReaderPages.LogoWidth, logo.GetProperty("width").GetInt32());
        Assert.Equal("内蒙古日报", jsonLd.RootElement.GetProperty("sourceOrganization").GetProperty("name").GetString());

        using var image = await client.GetAsync(new Uri(new Uri(logo.GetProperty("url").GetString()!).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        var png = await image.Content.ReadAsByteArrayAsync();
        // The PNG header's width and height, as the JSON-LD states them.
        Assert.Equal(ReaderPages.LogoWidth, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ReaderPages.LogoHeight, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public async Task Masthead_ShowsTodaysDateInChinaTime()
    {
        using var client = TestClients.Anonymous(factory);
        var page = await OpenAsync(client, "/regions");
        var today = page.QuerySelector(".today time")!;
        var china = DateTime.UtcNow + NewsRoom.Web.Pages.ChinaTime.Offset;
        // Around midnight the page may have been rendered a moment before the test's clock read.
        var expected = new[] { china, china.AddMinutes(-1) }.Select(t => t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(today.GetAttribute("datetime"), expected);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 星期[日一二三四五六]$", today.TextContent);
    }
}
