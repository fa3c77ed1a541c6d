using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>The sitemap index, the files it lists, the Google News sitemap and robots.txt.</summary>
public class SitemapTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static int IdOf(string path) => int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The paths of the files the index lists.</summary>
    private static async Task<List<string>> FilesAsync(HttpClient client)
    {
        var index = await GetXmlAsync(client, "/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        return index.Root.Elements(Sitemap + "sitemap").Select(s => new Uri(s.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();
    }

    /// <summary>Each file's paths of the addresses it lists.</summary>
    private static async Task<Dictionary<string, List<string>>> AddressesAsync(HttpClient client, IEnumerable<string> files)
    {
        var addresses = new Dictionary<string, List<string>>();
        foreach (var file in files)
        {
            var urlset = await GetXmlAsync(client, file);
            Assert.Equal(Sitemap + "urlset", urlset.Root!.Name);
            addresses[file] = urlset.Root.Elements(Sitemap + "url").Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();
        }
        return addresses;
    }

    [Fact]
    public async Task SitemapIndex_ListsItsFiles_WhichHoldEveryPublishedArticleIssueAndRegion()
    {
        var (published, issues, slugs) = await factory.WithDbAsync(async db => (
            await db.PublishedArticles.Select(a => a.Id).ToListAsync(),
            await db.Issues.Where(i => i.Articles.Any(a => a.Status == ArticleStatus.Published)).Select(i => i.Id).ToListAsync(),
            await db.Regions.Select(r => r.Slug).ToListAsync()));
        using var client = factory.CreateClient();

        var files = await FilesAsync(client);
        var addresses = (await AddressesAsync(client, files)).Values.SelectMany(a => a).ToList();

        Assert.Contains("/sitemaps/sections.xml", files);
        Assert.Contains("/sitemaps/articles-1.xml", files);
        Assert.Contains("/sitemaps/issues-1.xml", files);
        Assert.Contains("/sitemaps/news.xml", files);
        // Every published article once in the article files (the news sitemap lists the newest again).
        var articleFiles = await AddressesAsync(client, files.Where(f => f.StartsWith("/sitemaps/articles-", StringComparison.Ordinal)));
        Assert.Equal(published.Order(), articleFiles.Values.SelectMany(a => a).Select(IdOf).Order());
        // The seeds' pages print no 版次, so each is addressed by its id within its day (EditionAddresses).
        Assert.Equal(issues.Order(), addresses.Where(a => a.StartsWith("/papers/", StringComparison.Ordinal) && a.Contains("/id-", StringComparison.Ordinal))
            .Select(a => int.Parse(a[(a.LastIndexOf("/id-", StringComparison.Ordinal) + 4)..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(slugs, s => Assert.Contains($"/regions/{s}", addresses));
    }

    [Fact]
    public async Task SitemapFiles_HoldAtMostTheirSize_AndTogetherEveryPublishedArticleOnce()
    {
        const int perFile = 7;
        var published = await factory.WithDbAsync(db => db.PublishedArticles.Select(a => a.Id).ToListAsync());
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("NewsRoom:Sitemap:AddressesPerFile", perFile.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = small.CreateClient();

        var files = (await FilesAsync(client)).Where(f => f.StartsWith("/sitemaps/articles-", StringComparison.Ordinal)).ToList();
        var articleFiles = await AddressesAsync(client, files);
        using var pastTheLast = await client.GetAsync(new Uri($"/sitemaps/articles-{(published.Max() / perFile) + 2}.xml", UriKind.Relative));

        Assert.True(files.Count >= published.Count / perFile, $"{files.Count} files for {published.Count} articles");
        Assert.All(articleFiles, file => Assert.InRange(file.Value.Count, 1, perFile));
        Assert.Equal(published.Order(), articleFiles.Values.SelectMany(a => a).Select(IdOf).Order());
        Assert.Equal(HttpStatusCode.NotFound, pastTheLast.StatusCode);
    }

    [Fact]
    public async Task NewsSitemap_HoldsAJustPublishedArticle_AndNoneOlderThanTwoDays()
    {
        using var client = factory.CreateClient();
        // Cached before the articles exist: publishing evicts it.
        await GetXmlAsync(client, "/sitemaps/news.xml");
        var headline = ReaderTestData.Unique("今日新闻");
        var (fresh, old) = await factory.WithDbAsync(async db => (
            await ReaderTestData.CreateArticleAsync(db, headline),
            await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("三天前的新闻"), publishedAt: DateTime.UtcNow.AddDays(-2).AddMinutes(-5))));

        var news = await GetXmlAsync(client, "/sitemaps/news.xml");

        Assert.Equal(Sitemap + "urlset", news.Root!.Name);
        var urls = news.Root.Elements(Sitemap + "url").ToDictionary(u => IdOf(u.Element(Sitemap + "loc")!.Value));
        Assert.DoesNotContain(old.Id, urls.Keys);
        var entry = urls[fresh.Id].Element(News + "news")!;
        Assert.Equal("北疆新闻", entry.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("zh-cn", entry.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal(headline, entry.Element(News + "title")!.Value);
        var date = DateTime.Parse(entry.Element(News + "publication_date")!.Value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(date, fresh.PublishedAt!.Value.AddSeconds(-1), fresh.PublishedAt.Value.AddSeconds(1));
        Assert.All(urls.Values, u => Assert.True(
            DateTime.Parse(u.Element(News + "news")!.Element(News + "publication_date")!.Value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal) >= DateTime.UtcNow.AddDays(-2).AddMinutes(-1)));
    }

    [Fact]
    public async Task ArticleFile_IsEvictedWhenAnArticleIsPublished()
    {
        using var client = factory.CreateClient();
        var before = await FilesAsync(client);
        await AddressesAsync(client, before.Where(f => f.StartsWith("/sitemaps/articles-", StringComparison.Ordinal)));

        var article = await factory.WithDbAsync(db => ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("新发布")));
        var file = $"/sitemaps/articles-{((article.Id - 1) / 50_000) + 1}.xml";

        Assert.Contains(file, await FilesAsync(client));
        Assert.Contains($"/articles/{article.Id}", (await AddressesAsync(client, [file]))[file]);
    }

    [Fact]
    public async Task Robots_AllowsReaders_AndPointsAtTheSitemapIndex()
    {
        using var client = factory.CreateClient();

        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        var sitemap = System.Text.RegularExpressions.Regex.Match(robots, "^Sitemap: (http://[^/]+/sitemap.xml)$", System.Text.RegularExpressions.RegexOptions.Multiline);

        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.True(sitemap.Success, robots);
        var index = await GetXmlAsync(client, new Uri(sitemap.Groups[1].Value).AbsolutePath);
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
    }
}
