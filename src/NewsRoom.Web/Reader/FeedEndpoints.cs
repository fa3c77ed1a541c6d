using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>The Atom feeds of the reader site: the whole site's, each region's, and its corrections'.</summary>
internal static class FeedEndpoints
{
    private const int FeedSize = 50;
    internal const string SiteName = "北疆新闻";
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapNewsRoomFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/feed.xml", GetAndHead, SiteFeedAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/regions/{slug}/feed.xml", GetAndHead, RegionFeedAsync).CacheOutput(ReaderCache.AllTag);
        app.MapMethods("/corrections/feed.xml", GetAndHead, CorrectionsFeedAsync).CacheOutput(ReaderCache.AllTag);
        return app;
    }

    private static async Task<IResult> SiteFeedAsync(HttpContext context, NewsRoomDb db, CancellationToken cancellationToken)
    {
        var entries = await FeedEntriesAsync(db.PublishedArticles, cancellationToken);
        return Feed(context, SiteName, "/", "/feed.xml", entries);
    }

    private static async Task<IResult> RegionFeedAsync(string slug, HttpContext context, NewsRoomDb db, CancellationToken cancellationToken)
    {
        var region = await db.Regions.Where(r => r.Slug == slug).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(cancellationToken);
        if (region is null)
        {
            return Results.NotFound();
        }
        context.TagCache(ReaderCache.RegionTag(region.Id));
        var inRegion = await ArticleSubset.InRegion(db, region.Id).PublishedForNewestAsync(FeedSize, cancellationToken);
        var entries = await FeedEntriesAsync(inRegion, cancellationToken);
        return Feed(context, $"{region.Name} - {SiteName}", $"/regions/{slug}", $"/regions/{slug}/feed.xml", entries);
    }

    private static Task<List<FeedEntry>> FeedEntriesAsync(IQueryable<Article> articles, CancellationToken cancellationToken) =>
        articles.Latest()
            .Select(a => new FeedEntry(
                a.Id,
                a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault() ?? a.DisplayTitle,
                a.Body != "" ? a.Kind : ArticleKind.Photo,
                // Photo news carries its text in the caption: its entry needs words for a title and a summary.
                a.Body != "" ? a.Body : a.Photos.OrderBy(p => p.Order).Select(p => p.Caption).FirstOrDefault() ?? "",
                a.PublishedAt,
                a.UpdatedAt,
                a.Bylines.OrderBy(b => b.Order).Select(b => b.Person.Name).ToList()))
            .Take(FeedSize)
            .ToListAsync(cancellationToken);

    private static IResult Feed(HttpContext context, string title, string page, string self, List<FeedEntry> entries)
    {
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => Later(e.PublishedAt, e.UpdatedAt));
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            new XElement(Atom + "id", context.AbsoluteUrl(self)),
            new XElement(Atom + "title", title),
            new XElement(Atom + "updated", ReaderPages.Iso(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", context.AbsoluteUrl(self))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", context.AbsoluteUrl(page))),
            new XElement(Atom + "author", new XElement(Atom + "name", SiteName)),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", context.AbsoluteUrl($"/articles/{e.Id}")),
                new XElement(Atom + "title", DisplayTitles.For(e.Headline, e.Kind, e.Body)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", context.AbsoluteUrl($"/articles/{e.Id}"))),
                e.PublishedAt is { } published ? new XElement(Atom + "published", ReaderPages.Iso(published)) : null,
                new XElement(Atom + "updated", ReaderPages.Iso(Later(e.PublishedAt, e.UpdatedAt))),
                e.Authors.Select(name => new XElement(Atom + "author", new XElement(Atom + "name", name))),
                new XElement(Atom + "summary", ReaderPages.Summary(e.Body, 200)))));
        return Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), feed), "application/atom+xml; charset=utf-8");
    }

    // One entry per notice, linking to the story it corrects; the entry's id names the notice, as one story may have several.
    private static async Task<IResult> CorrectionsFeedAsync(HttpContext context, NewsRoomDb db, CancellationToken cancellationToken)
    {
        var corrections = await CorrectionList.NewestAsync(CorrectionList.OfPublishedStories(db), 0, FeedSize, cancellationToken);
        const string self = "/corrections/feed.xml";
        var updated = corrections.Count == 0 ? DateTime.UnixEpoch : corrections.Max(c => c.CreatedAt);
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            new XElement(Atom + "id", context.AbsoluteUrl(self)),
            new XElement(Atom + "title", $"更正与说明 - {SiteName}"),
            new XElement(Atom + "updated", ReaderPages.Iso(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", context.AbsoluteUrl(self))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", context.AbsoluteUrl("/corrections"))),
            new XElement(Atom + "author", new XElement(Atom + "name", SiteName)),
            corrections.Select(c => new XElement(Atom + "entry",
                new XElement(Atom + "id", context.AbsoluteUrl($"/corrections#correction-{c.Id}")),
                new XElement(Atom + "title", $"{c.Kind.ToChinese()}：{c.ArticleTitle}"),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", context.AbsoluteUrl($"/articles/{c.ArticleId}"))),
                new XElement(Atom + "published", ReaderPages.Iso(c.CreatedAt)),
                new XElement(Atom + "updated", ReaderPages.Iso(c.CreatedAt)),
                new XElement(Atom + "summary", c.Text))));
        return Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), feed), "application/atom+xml; charset=utf-8");
    }

    internal static DateTime Later(DateTime? published, DateTime updated) => published is { } p && p > updated ? p : updated;

    internal static IResult Xml(XDocument document, string contentType)
    {
        // XDocument.ToString drops the declaration; a UTF-8 writer keeps it and names the right encoding.
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return Results.Bytes(stream.ToArray(), contentType);
    }

    private sealed record FeedEntry(int Id, string? Headline, ArticleKind Kind, string Body, DateTime? PublishedAt, DateTime UpdatedAt, List<string> Authors);
}
