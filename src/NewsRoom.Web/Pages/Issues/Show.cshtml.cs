using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Issues;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(NewsRoomDb db) : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string? HomeRegion { get; private set; }
    public string? HomeRegionSlug { get; private set; }
    public IReadOnlyList<PrintedArticle> Articles { get; private set; } = [];

    /// <summary>Page furniture printed on the page: hotlines, banners, slogans.</summary>
    public IReadOnlyList<string> Furniture { get; private set; } = [];

    /// <summary>Text the importer could not place in any article: shown, never dropped.</summary>
    public IReadOnlyList<string> Unplaced { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.Where(i => i.Id == id)
            .Select(i => new { i.Id, i.Paper, i.IssueDate, Region = i.HomeRegion == null ? null : i.HomeRegion.Name, Slug = i.HomeRegion == null ? null : i.HomeRegion.Slug, i.Furniture, i.Unplaced })
            .SingleOrDefaultAsync(cancellationToken);
        if (issue is null)
        {
            return NotFound();
        }
        Articles = await db.PublishedArticles.Where(a => a.IssueId == id).OrderBy(a => a.PagePosition).ThenBy(a => a.Id)
            .Select(a => new PrintedArticle(a.Id, a.Body != "" ? a.Kind : ArticleKind.Photo, a.Kicker, a.Headline ?? a.DisplayTitle, a.Subheadline, a.Body.Substring(0, 200),
                a.Bylines.OrderBy(b => b.Order).Select(b => new Credit(b.PersonId, b.Person.Name, b.Role)).ToList(),
                a.Photos.OrderBy(p => p.Order).Select(p => new PhotoLine(p.Title, p.Caption, p.Credits)).ToList()))
            .ToListAsync(cancellationToken);
        // An edition with nothing published yet does not exist for readers.
        if (Articles.Count == 0)
        {
            return NotFound();
        }
        Title = IssueTitle.Of(issue.Id, issue.Paper, issue.IssueDate);
        HomeRegion = issue.Region;
        HomeRegionSlug = issue.Slug;
        Furniture = issue.Furniture;
        Unplaced = issue.Unplaced;
        HttpContext.TagCache(Articles.Select(a => ReaderCache.ArticleTag(a.Id)).Append(ReaderCache.IssueTag(id)));
        return Page();
    }

    public sealed record PrintedArticle(int Id, ArticleKind Kind, string? Kicker, string? Headline, string? Subheadline, string BodyStart, List<Credit> Credits, List<PhotoLine> Photos)
    {
        public string Title => DisplayTitles.For(Headline ?? Photos.Select(p => p.Title).FirstOrDefault(t => t is not null), Kind,
            BodyStart.Length > 0 ? BodyStart : Photos.Select(p => p.Caption).FirstOrDefault());
        public string Summary => ReaderPages.Summary(BodyStart, 90);
    }

    public sealed record Credit(int PersonId, string Name, BylineRole Role);

    public sealed record PhotoLine(string? Title, string Caption, string? Credits);
}
