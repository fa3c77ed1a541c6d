using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Reader;

/// <summary>
/// The sitemap index and its files, the Google News sitemap and robots.txt. Articles, pages (issues) and editions go into files by
/// ranges of their ids (articles-1.xml holds ids 1 to 50,000), so a file never holds more than the protocol allows,
/// an address stays in the file it was first listed in, and a file is read through the primary key.
/// </summary>
internal static class SitemapEndpoints
{
    /// <summary>Google News reads at most 1,000 addresses from a news sitemap.</summary>
    private const int NewsLimit = 1_000;
    private static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    public static IEndpointRouteBuilder MapNewsRoomSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/sitemap.xml", GetAndHead, IndexAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/sitemaps/sections.xml", GetAndHead, SectionsAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/sitemaps/issues-{number:int}.xml", GetAndHead, IssuesAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/sitemaps/editions-{number:int}.xml", GetAndHead, EditionsAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/sitemaps/articles-{number:int}.xml", GetAndHead, ArticlesAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/sitemaps/news.xml", GetAndHead, NewsAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/robots.txt", GetAndHead, Robots).CacheOutput(ReaderCache.AllTag);
        return app;
    }

    private static async Task<IResult> IndexAsync(HttpContext context, NewsRoomDb db, IOptions<SitemapOptions> options, CancellationToken cancellationToken)
    {
        var perFile = options.Value.AddressesPerFile;
        var articleFiles = await db.PublishedArticles
            .GroupBy(a => (a.Id - 1) / perFile)
            .Select(g => new { Number = g.Key + 1, Updated = g.Max(a => a.UpdatedAt), Published = g.Max(a => a.PublishedAt) })
            .OrderBy(f => f.Number)
            .ToListAsync(cancellationToken);
        var issueFiles = await db.Issues.Where(i => i.Articles.Any(a => a.Status == ArticleStatus.Published))
            .GroupBy(i => (i.Id - 1) / perFile)
            .Select(g => g.Key + 1)
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);
        var editionFiles = await db.Editions.Readable()
            .GroupBy(e => (e.Id - 1) / perFile)
            .Select(g => g.Key + 1)
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);

        static XElement File(string location, DateTime? modified = null) => new(Sitemap + "sitemap",
            new XElement(Sitemap + "loc", location),
            modified is { } m ? new XElement(Sitemap + "lastmod", ReaderPages.Iso(m)) : null);

        var index = new XElement(Sitemap + "sitemapindex",
            File(context.AbsoluteUrl("/sitemaps/sections.xml")),
            editionFiles.Select(n => File(context.AbsoluteUrl($"/sitemaps/editions-{n}.xml"))),
            issueFiles.Select(n => File(context.AbsoluteUrl($"/sitemaps/issues-{n}.xml"))),
            articleFiles.Select(f => File(context.AbsoluteUrl($"/sitemaps/articles-{f.Number}.xml"), FeedEndpoints.Later(f.Published, f.Updated))),
            File(context.AbsoluteUrl("/sitemaps/news.xml")));
        return SitemapXml(index);
    }

    private static async Task<IResult> SectionsAsync(HttpContext context, NewsRoomDb db, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.OrderBy(r => r.SortOrder).Select(r => r.Slug).ToListAsync(cancellationToken);
        var papers = await db.Papers.Where(p => p.Editions.Any(e => e.Pages.Any(pg => pg.Articles.Any(a => a.Status == ArticleStatus.Published)))).OrderBy(p => p.Id).Select(p => p.Slug).ToListAsync(cancellationToken);
        return SitemapXml(new XElement(Sitemap + "urlset",
            Url(context.AbsoluteUrl("/")),
            Url(context.AbsoluteUrl("/regions")),
            Url(context.AbsoluteUrl("/papers")),
            Url(context.AbsoluteUrl("/photos")),
            regions.Select(slug => Url(context.AbsoluteUrl($"/regions/{slug}"))),
            papers.Select(slug => Url(context.AbsoluteUrl(EditionAddresses.Paper(slug))))));
    }

    private static async Task<IResult> IssuesAsync(int number, HttpContext context, NewsRoomDb db, IOptions<SitemapOptions> options, CancellationToken cancellationToken)
    {
        if (IdRange(number, options.Value.AddressesPerFile) is not { } range)
        {
            return Results.NotFound();
        }
        var (first, last) = range;
        var pages = await db.Issues.Where(i => i.Id >= first && i.Id <= last).Readable()
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.PageNumber, i.Edition.PrintDate, i.Edition.Paper.Slug })
            .ToListAsync(cancellationToken);
        return pages.Count == 0
            ? Results.NotFound()
            : SitemapXml(new XElement(Sitemap + "urlset",
                pages.Select(p => Url(context.AbsoluteUrl(EditionAddresses.Page(p.Slug, p.PrintDate, p.PageNumber, p.Id))))));
    }

    // Each edition's day: its page list.
    private static async Task<IResult> EditionsAsync(int number, HttpContext context, NewsRoomDb db, IOptions<SitemapOptions> options, CancellationToken cancellationToken)
    {
        if (IdRange(number, options.Value.AddressesPerFile) is not { } range)
        {
            return Results.NotFound();
        }
        var (first, last) = range;
        var editions = await db.Editions.Where(e => e.Id >= first && e.Id <= last).Readable()
            .OrderBy(e => e.Id).Select(e => new { e.PrintDate, e.Paper.Slug })
            .ToListAsync(cancellationToken);
        return editions.Count == 0
            ? Results.NotFound()
            : SitemapXml(new XElement(Sitemap + "urlset", editions.Select(e => Url(context.AbsoluteUrl(EditionAddresses.Day(e.Slug, e.PrintDate))))));
    }

    private static async Task<IResult> ArticlesAsync(int number, HttpContext context, NewsRoomDb db, IOptions<SitemapOptions> options, CancellationToken cancellationToken)
    {
        if (IdRange(number, options.Value.AddressesPerFile) is not { } range)
        {
            return Results.NotFound();
        }
        var (first, last) = range;
        var articles = await db.PublishedArticles.Where(a => a.Id >= first && a.Id <= last)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.PublishedAt, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        return articles.Count == 0
            ? Results.NotFound()
            : SitemapXml(new XElement(Sitemap + "urlset",
                articles.Select(a => Url(context.AbsoluteUrl($"/articles/{a.Id}"), FeedEndpoints.Later(a.PublishedAt, a.UpdatedAt)))));
    }

    /// <summary>The Google News sitemap: the articles published in the last two days, newest first.</summary>
    private static async Task<IResult> NewsAsync(HttpContext context, NewsRoomDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        var articles = await db.PublishedArticles.Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.PublishedAt,
                Headline = a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault() ?? a.DisplayTitle,
                Kind = a.Body != "" ? a.Kind : ArticleKind.Photo,
                Text = a.Body != "" ? a.Body.Substring(0, DisplayTitles.TextLength) : a.Photos.OrderBy(p => p.Order).Select(p => p.Caption.Substring(0, DisplayTitles.TextLength)).FirstOrDefault() ?? "",
            })
            .Take(NewsLimit)
            .ToListAsync(cancellationToken);
        return SitemapXml(new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "news", News),
            articles.Select(a => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", context.AbsoluteUrl($"/articles/{a.Id}")),
                new XElement(News + "news",
                    new XElement(News + "publication",
                        new XElement(News + "name", FeedEndpoints.SiteName),
                        new XElement(News + "language", "zh-cn")),
                    new XElement(News + "publication_date", ReaderPages.Iso(a.PublishedAt!.Value)),
                    new XElement(News + "title", DisplayTitles.For(a.Headline, a.Kind, a.Text)))))));
    }

    private static IResult Robots(HttpContext context) => Results.Text(
        $"User-agent: *\nDisallow: /editor\nDisallow: /admin\nDisallow: /account\nDisallow: /search\nSitemap: {context.AbsoluteUrl("/sitemap.xml")}\n",
        "text/plain; charset=utf-8");

    /// <summary>The ids file <paramref name="number"/> covers, or null for a number no file can have.</summary>
    private static (int First, int Last)? IdRange(int number, int perFile) =>
        number >= 1 && number <= int.MaxValue / perFile ? ((number - 1) * perFile + 1, number * perFile) : null;

    private static XElement Url(string location, DateTime? modified = null) => new(Sitemap + "url",
        new XElement(Sitemap + "loc", location),
        modified is { } m ? new XElement(Sitemap + "lastmod", ReaderPages.Iso(m)) : null);

    private static IResult SitemapXml(XElement root) =>
        FeedEndpoints.Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), root), "application/xml; charset=utf-8");
}
