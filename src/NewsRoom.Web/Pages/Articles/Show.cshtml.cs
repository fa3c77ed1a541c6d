using System.Linq.Expressions;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Ingest;
using NewsRoom.Web.Data;
using NewsRoom.Web.Data.Entities;
using NewsRoom.Web.Publishing;

namespace NewsRoom.Web.Pages.Articles;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(NewsRoomDb db) : PageModel
{
    private const int RelatedCount = 5;

    // Chinese stays readable in the JSON-LD; the encoder still escapes <, > and & so the script block cannot be closed early.
    private static readonly JsonSerializerOptions JsonLd = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    // The reader's hottest page: its queries are compiled once. They start from Articles with the Published filter
    // written out, as a compiled query cannot expand NewsRoomDb.PublishedArticles.
    // The previous and next links show only a title: no region or paper lookups for them.
    private static readonly Expression<Func<Article, ArticleCard>> Neighbour = a => new ArticleCard(
        a.Id,
        a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault(),
        a.Body.Substring(0, 40),
        null,
        a.PublishedAt,
        null);

    private static readonly Func<NewsRoomDb, int, Task<ArticleView?>> ArticleById = EF.CompileAsyncQuery((NewsRoomDb db, int id) =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.Id == id)
            .Select(a => new ArticleView(a.Id, a.Column, a.Kicker, a.Headline, a.Subheadline, a.DatelinePlace, a.DatelineDate, a.DatelineKind,
                a.Body, a.PublishedAt, a.UpdatedAt, a.IssueId, a.PagePosition, a.Issue == null ? null : a.Issue.Paper, a.Issue == null ? null : a.Issue.IssueDate))
            .FirstOrDefault());

    private static readonly Func<NewsRoomDb, int, IAsyncEnumerable<BylineView>> BylinesOf = EF.CompileAsyncQuery((NewsRoomDb db, int id) =>
        db.ArticleBylines.AsNoTracking().Where(b => b.ArticleId == id).OrderBy(b => b.Order)
            .Select(b => new BylineView(b.PersonId, b.Person.Name, b.Role)));

    private static readonly Func<NewsRoomDb, int, IAsyncEnumerable<PhotoView>> PhotosOf = EF.CompileAsyncQuery((NewsRoomDb db, int id) =>
        db.Photos.AsNoTracking().Where(p => p.ArticleId == id).OrderBy(p => p.Order)
            .Select(p => new PhotoView(p.Title, p.Caption, p.Credits)));

    private static readonly Func<NewsRoomDb, int, IAsyncEnumerable<RegionLink>> RegionsOf = EF.CompileAsyncQuery((NewsRoomDb db, int id) =>
        db.ArticleRegions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.IsPrimary).ThenBy(r => r.Order)
            .Select(r => new RegionLink(r.RegionId, r.Region.Name, r.Region.Slug, r.IsPrimary)));

    private static readonly Func<NewsRoomDb, int, int, IAsyncEnumerable<ArticleCard>> RelatedTo = EF.CompileAsyncQuery((NewsRoomDb db, int id, int regionId) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.Id != id && a.Regions.Any(r => r.RegionId == regionId && r.IsPrimary))
            // ReaderQueries.Latest written out: a compiled query cannot call it.
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.IssueId).ThenBy(a => a.PagePosition).ThenBy(a => a.Id)
            .Select(ReaderQueries.ToCard).Take(RelatedCount));

    private static readonly Func<NewsRoomDb, int, int, Task<ArticleCard?>> PreviousOnPage = EF.CompileAsyncQuery((NewsRoomDb db, int issueId, int position) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.IssueId == issueId && a.PagePosition < position)
            .OrderByDescending(a => a.PagePosition).Select(Neighbour).FirstOrDefault());

    private static readonly Func<NewsRoomDb, int, int, Task<ArticleCard?>> NextOnPage = EF.CompileAsyncQuery((NewsRoomDb db, int issueId, int position) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.IssueId == issueId && a.PagePosition > position)
            .OrderBy(a => a.PagePosition).Select(Neighbour).FirstOrDefault());

    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<BylineView> Bylines { get; private set; } = [];
    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];
    public IReadOnlyList<RegionLink> Regions { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    public ArticleCard? Previous { get; private set; }
    public ArticleCard? Next { get; private set; }
    public string BodyHtml { get; private set; } = string.Empty;
    public string CanonicalUrl { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public string JsonLdScript { get; private set; } = string.Empty;

    public string Title => Article.Headline ?? Photos.Select(p => p.Title).FirstOrDefault(t => t is not null) ?? ReaderPages.Summary(Article.Body, 24);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // One connection for the page's queries, instead of an open and close for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var article = await ArticleById(db, id);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Bylines = await ToListAsync(BylinesOf(db, id), cancellationToken);
        Photos = await ToListAsync(PhotosOf(db, id), cancellationToken);
        Regions = await ToListAsync(RegionsOf(db, id), cancellationToken);

        if (Regions.FirstOrDefault(r => r.IsPrimary) is { } primary)
        {
            Related = await ToListAsync(RelatedTo(db, id, primary.Id), cancellationToken);
        }
        if (article is { IssueId: { } issueId, PagePosition: { } position })
        {
            Previous = await PreviousOnPage(db, issueId, position);
            Next = await NextOnPage(db, issueId, position);
        }

        BodyHtml = WithDateline(MarkdownRenderer.ToHtml(article.Body), article.DatelineText);
        CanonicalUrl = HttpContext.AbsoluteUrl($"/articles/{id}");
        Description = ReaderPages.Summary(article.Body, 120);
        JsonLdScript = BuildJsonLd();

        HttpContext.TagCache(Regions.Select(r => ReaderCache.RegionTag(r.Id))
            .Append(ReaderCache.ArticleTag(id))
            .Concat(article.IssueId is { } issue ? [ReaderCache.IssueTag(issue)] : []));
        return Page();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }
        return list;
    }

    // The paper prints the dateline run into the first paragraph: 本报包头6月2日电 记者…
    private static string WithDateline(string bodyHtml, string? dateline)
    {
        if (dateline is null)
        {
            return bodyHtml;
        }
        var span = $"<span class=\"dateline\">{HtmlEncoder.Default.Encode(dateline)}</span> ";
        return bodyHtml.StartsWith("<p>", StringComparison.Ordinal)
            ? string.Concat("<p>", span, bodyHtml.AsSpan(3))
            : $"<p>{span}</p>\n{bodyHtml}";
    }

    private string BuildJsonLd()
    {
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Title,
            ["description"] = Description,
            ["inLanguage"] = "zh-CN",
            ["mainEntityOfPage"] = CanonicalUrl,
            ["url"] = CanonicalUrl,
            ["datePublished"] = Article.PublishedAt is { } published ? ReaderPages.Iso(published) : null,
            ["dateModified"] = ReaderPages.Iso(Article.UpdatedAt),
            ["author"] = Bylines.Select(b => new Dictionary<string, string>
            {
                ["@type"] = b.Role == BylineRole.Organization ? "Organization" : "Person",
                ["name"] = b.Name,
                ["url"] = HttpContext.AbsoluteUrl($"/people/{b.PersonId}"),
            }).ToList(),
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = Article.Paper ?? "北疆新闻" },
        };
        if (Article.Section is { } section)
        {
            ld["articleSection"] = section;
        }
        return JsonSerializer.Serialize(ld, JsonLd);
    }

    public sealed record ArticleView(int Id, string? Column, string? Kicker, string? Headline, string? Subheadline,
        string? DatelinePlace, string? DatelineDate, string? DatelineKind, string Body, DateTime? PublishedAt, DateTime UpdatedAt,
        int? IssueId, int? PagePosition, string? Paper, DateOnly? IssueDate)
    {
        public string? DatelineText => DatelineKind is null ? null : $"本报{DatelinePlace}{DatelineDate}{DatelineKind}";
        public string? Section => Column;
    }

    public sealed record BylineView(int PersonId, string Name, BylineRole Role);

    public sealed record PhotoView(string? Title, string Caption, string? Credits);

    public sealed record RegionLink(int Id, string Name, string Slug, bool IsPrimary);
}
