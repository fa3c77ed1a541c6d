using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Ingest;
using NewsRoom.Web.Data;
using NewsRoom.Web.Publishing;

namespace NewsRoom.Web.Pages.Articles;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(NewsRoomDb db) : PageModel
{
    private const int RelatedCount = 5;

    // Chinese stays readable in the JSON-LD; the encoder still escapes <, > and & so the script block cannot be closed early.
    private static readonly JsonSerializerOptions JsonLd = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

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
        var article = await db.PublishedArticles.Where(a => a.Id == id)
            .Select(a => new ArticleView(a.Id, a.Column, a.Kicker, a.Headline, a.Subheadline, a.DatelinePlace, a.DatelineDate, a.DatelineKind,
                a.Body, a.PublishedAt, a.UpdatedAt, a.IssueId, a.PagePosition, a.Issue == null ? null : a.Issue.Paper, a.Issue == null ? null : a.Issue.IssueDate))
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Bylines = await db.ArticleBylines.Where(b => b.ArticleId == id).OrderBy(b => b.Order)
            .Select(b => new BylineView(b.PersonId, b.Person.Name, b.Role))
            .ToListAsync(cancellationToken);
        Photos = await db.Photos.Where(p => p.ArticleId == id).OrderBy(p => p.Order)
            .Select(p => new PhotoView(p.Title, p.Caption, p.Credits))
            .ToListAsync(cancellationToken);
        Regions = await db.ArticleRegions.Where(r => r.ArticleId == id).OrderByDescending(r => r.IsPrimary).ThenBy(r => r.Order)
            .Select(r => new RegionLink(r.RegionId, r.Region.Name, r.Region.Slug, r.IsPrimary))
            .ToListAsync(cancellationToken);

        if (Regions.FirstOrDefault(r => r.IsPrimary) is { } primary)
        {
            Related = await db.PublishedArticles
                .Where(a => a.Id != id && a.Regions.Any(r => r.RegionId == primary.Id && r.IsPrimary))
                .Latest().Select(ReaderQueries.ToCard).Take(RelatedCount)
                .ToListAsync(cancellationToken);
        }
        if (article is { IssueId: { } issueId, PagePosition: { } position })
        {
            var onPage = db.PublishedArticles.Where(a => a.IssueId == issueId);
            Previous = await onPage.Where(a => a.PagePosition < position).OrderByDescending(a => a.PagePosition)
                .Select(ReaderQueries.ToCard).FirstOrDefaultAsync(cancellationToken);
            Next = await onPage.Where(a => a.PagePosition > position).OrderBy(a => a.PagePosition)
                .Select(ReaderQueries.ToCard).FirstOrDefaultAsync(cancellationToken);
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
