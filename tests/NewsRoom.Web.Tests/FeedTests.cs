using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class FeedTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static int IdOf(string url) => int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task SiteFeed_IsAtom_WithTheFiftyLatestPublishedArticles()
    {
        var headline = ReaderTestData.Unique("最新发布");
        var reporter = ReaderTestData.Unique("记者丁");
        var newest = await factory.WithDbAsync(db => ReaderTestData.CreateArticleAsync(db, headline, regions: ["tongliao"],
            bylines: [(reporter, BylineRole.Reporter)], publishedAt: DateTime.UtcNow.AddMinutes(5)));
        var published = await factory.WithDbAsync(db => db.PublishedArticles.Select(a => a.Id).ToListAsync());
        using var client = factory.CreateClient();

        var feed = await GetXmlAsync(client, "/feed.xml");

        Assert.Equal(Atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(Math.Min(50, published.Count), entries.Count);
        Assert.All(entries, e => Assert.Contains(IdOf(e.Element(Atom + "id")!.Value), published));
        var first = entries[0];
        Assert.Equal(newest.Id, IdOf(first.Element(Atom + "id")!.Value));
        Assert.Equal(headline, first.Element(Atom + "title")!.Value);
        Assert.Equal(reporter, first.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.NotNull(feed.Root.Element(Atom + "updated"));
    }

    [Fact]
    public async Task RegionFeed_HoldsTheLeaguesAndItsCountiesArticlesOnly()
    {
        var county = ReaderTestData.Unique("科尔沁新闻");
        var elsewhere = ReaderTestData.Unique("乌兰察布新闻");
        await factory.WithDbAsync(async db =>
        {
            await ReaderTestData.CreateArticleAsync(db, county, regions: ["keerqin-district"]);
            return await ReaderTestData.CreateArticleAsync(db, elsewhere, regions: ["wulanchabu"]);
        });
        using var client = factory.CreateClient();

        var titles = (await GetXmlAsync(client, "/regions/tongliao/feed.xml")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

        Assert.Contains(county, titles);
        Assert.DoesNotContain(elsewhere, titles);
    }

    [Fact]
    public async Task PublicBaseUrl_IsUsedForFeedIdsAndCanonicalLinks()
    {
        var articleId = await factory.WithDbAsync(db => db.PublishedArticles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("NewsRoom:PublicBaseUrl", "https://news.example.cn/"));
        using var client = configured.CreateClient();

        var feed = await GetXmlAsync(client, "/feed.xml");
        var article = await client.GetStringAsync(new Uri($"/articles/{articleId}", UriKind.Relative));

        Assert.All(feed.Root!.Elements(Atom + "entry"), e => Assert.StartsWith("https://news.example.cn/articles/", e.Element(Atom + "id")!.Value, StringComparison.Ordinal));
        Assert.Contains($"<link rel=\"canonical\" href=\"https://news.example.cn/articles/{articleId}\" />", article, StringComparison.Ordinal);
    }
}
