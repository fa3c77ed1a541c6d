using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsRoom.Web.Pages.Articles;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(ArticlePageReader pages) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<BylineView> Bylines { get; private set; } = [];
    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];
    public IReadOnlyList<RegionLink> Regions { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    public ArticleCard? Previous { get; private set; }
    public ArticleCard? Next { get; private set; }
    public IReadOnlyList<CorrectionView> Corrections { get; private set; } = [];
    public string BodyHtml { get; private set; } = string.Empty;
    public string CanonicalUrl { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public string JsonLdScript { get; private set; } = string.Empty;

    /// <summary>The printed headline or the photo's printed title; null when the item was printed without one.</summary>
    public string? PrintedTitle => Article.Headline ?? Photos.Select(p => p.Title).FirstOrDefault(t => t is not null);

    /// <summary>The picture link previews and search engines are given: the lead image, else the first picture.</summary>
    public PictureView? SharedPicture => Photos.Where(p => p.Picture is not null).OrderByDescending(p => p.IsLead).Select(p => p.Picture).FirstOrDefault();

    public string Title => DisplayTitles.For(PrintedTitle ?? Article.DisplayTitle, Article.Body.Length > 0 ? Article.Kind : ArticleKind.Photo, TextStart);

    // Photo news carries its words in the caption.
    private string TextStart => Article.Body.Length > 0 ? Article.Body : string.Join(" ", Photos.Select(p => p.Caption));

    public async Task<IActionResult> OnGetAsync(int id, [FromServices] RetractionNotices retractions, CancellationToken cancellationToken)
    {
        // The reader's hottest page is read in one statement kept prepared (ArticlePageReader).
        if (await pages.ReadAsync(id, cancellationToken) is not { } page)
        {
            // A retracted story's address says that it was withdrawn and why (410); any other is not there (404).
            return await retractions.FindAsync(id, cancellationToken) is { } retracted ? RetractedArticleResult.For(this, retracted) : NotFound();
        }
        var article = page.Article;
        Article = article;
        (Bylines, Photos, Regions, Related, Previous, Next) = (page.Bylines, page.Photos, page.Regions, page.Related, page.Previous, page.Next);
        Corrections = page.Corrections;

        BodyHtml = WithDateline(MarkdownRenderer.ToHtml(article.Body), article.DatelineText);
        CanonicalUrl = HttpContext.AbsoluteUrl($"/articles/{id}");
        Description = ReaderPages.Summary(TextStart, 120) is { Length: > 0 } summary ? summary : Title;
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

    private string BuildJsonLd() => new NewsArticleJsonLd(
        Context: "https://schema.org",
        Type: "NewsArticle",
        Headline: Title,
        Description: Description,
        InLanguage: "zh-CN",
        MainEntityOfPage: CanonicalUrl,
        Url: CanonicalUrl,
        // A printed story was published on its print day; a desk story when it went online.
        DatePublished: Article.IssueDate is { } printed
            ? printed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : Article.PublishedAt is { } published ? ReaderPages.Iso(published) : null,
        DateModified: ReaderPages.Iso(Article.UpdatedAt),
        Author: [.. Bylines.Select(b => new JsonLdAgent(
            b.Role == BylineRole.Organization ? "Organization" : "Person", b.Name, HttpContext.AbsoluteUrl($"/people/{b.PersonId}")))],
        // The site publishes the story online under its logo; the printed paper is where it came from.
        Publisher: new JsonLdAgent("Organization", ReaderPages.SiteName, HttpContext.AbsoluteUrl("/"),
            new JsonLdImage("ImageObject", HttpContext.AbsoluteUrl(ReaderPages.LogoPath), ReaderPages.LogoWidth, ReaderPages.LogoHeight)),
        SourceOrganization: Article.Paper is { } source ? new JsonLdAgent("Organization", source) : null,
        ArticleSection: Article.Column)
    {
        PrintEdition = Article is { Paper: { } paper, IssueDate: { } day } ? $"{paper} {EditionAddresses.DayName(day)}" : null,
        PrintPage = Article.PageNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PrintSection = Article.PageName,
        Correction = Corrections.Count == 0 ? null : [.. Corrections.Select(c => new JsonLdCorrection(
            "CorrectionComment", $"{c.Kind.ToChinese()}：{c.Text}", c.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))],
        Image = SharedPicture is { } picture
            ? [new JsonLdImage("ImageObject", HttpContext.AbsoluteUrl(picture.Largest.Url), picture.Largest.Width, picture.HeightAt(picture.Largest))]
            : null,
    }.ToJson();

    /// <summary>The page the story was printed on, for the link back to it; null for a story written at the desk.</summary>
    public string? PrintedPageAddress => Article is { IssueId: { } page, PaperSlug: { } slug } ? EditionAddresses.Page(slug, Article.IssueDate, Article.PageNumber, page) : null;
}
