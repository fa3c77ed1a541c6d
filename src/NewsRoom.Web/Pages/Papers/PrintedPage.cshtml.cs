using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Papers;

/// <summary>
/// /papers/{paper}/{yyyy-MM-dd}/{版次} (id-{id} for a page without one, and under /undated): the page as printed, its
/// stories in order, 上一版 / 下一版, the day's page strip, and the page's furniture and unplaced text apart from the stories.
/// </summary>
[OutputCache(PolicyName = ReaderCache.AllTag)]
public class PrintedPageModel(NewsRoomDb db) : PageModel
{
    public PaperView Paper { get; private set; } = null!;
    public DateOnly? Date { get; private set; }
    public StripPage This { get; private set; } = null!;
    public IReadOnlyList<StripPage> Strip { get; private set; } = [];
    public StripPage? Previous { get; private set; }
    public StripPage? Next { get; private set; }
    public IReadOnlyList<PrintedStory> Stories { get; private set; } = [];

    /// <summary>Page furniture printed on the page: hotlines, banners, slogans.</summary>
    public IReadOnlyList<string> Furniture { get; private set; } = [];

    /// <summary>Text the importer could not place in any story: shown as such, never dropped.</summary>
    public IReadOnlyList<string> Unplaced { get; private set; } = [];

    // A page that says neither its 版次 nor its 版名 is named by its paper and day alone.
    public string Title => This.Number is null && This.Name is null ? $"{Paper.Name} {EditionAddresses.DayName(Date)}" : $"{Paper.Name} {EditionAddresses.DayName(Date)} {This.Label}";

    public async Task<IActionResult> OnGetAsync(string paper, string day, string printedPage, CancellationToken cancellationToken)
    {
        if (!EditionAddresses.TryDay(day, out var date) || !EditionAddresses.TryPage(printedPage, out var number, out var id)
            || await db.PaperAsync(paper, cancellationToken) is not { } found
            || await db.EditionIdAsync(found.Id, date, cancellationToken) is not { } editionId)
        {
            return NotFound();
        }
        (Paper, Date) = (found, date);
        Strip = await db.StripAsync(editionId, found.Slug, date, cancellationToken);
        var index = Strip.ToList().FindIndex(p => id is not null ? p.Id == id : p.Number == number && date is not null);
        if (index < 0)
        {
            return NotFound();
        }
        This = Strip[index];
        // A page with a 版次 has one address: its id-address sends readers there.
        if (This.Address != HttpContext.Request.Path.Value)
        {
            return RedirectPermanent(This.Address);
        }
        Previous = index > 0 ? Strip[index - 1] : null;
        Next = index < Strip.Count - 1 ? Strip[index + 1] : null;

        var pageId = This.Id;
        var texts = await db.Issues.Where(p => p.Id == pageId).Select(p => new { p.Furniture, p.Unplaced }).SingleAsync(cancellationToken);
        (Furniture, Unplaced) = (texts.Furniture, texts.Unplaced);
        Stories = await db.PublishedArticles.Where(a => a.IssueId == pageId).OrderBy(a => a.PagePosition).ThenBy(a => a.Id)
            .Select(a => new PrintedStory(a.Id, a.Body != "" ? a.Kind : ArticleKind.Photo, a.Column, a.Kicker, a.Headline ?? a.DisplayTitle, a.Subheadline, a.Body.Substring(0, 200),
                a.Bylines.OrderBy(b => b.Order).Select(b => new Credit(b.PersonId, b.Person.Name, b.Role)).ToList(),
                a.Photos.OrderBy(p => p.Order).Select(p => new PhotoLine(p.Title, p.Caption, p.Credits)).ToList()))
            .ToListAsync(cancellationToken);
        HttpContext.TagCache(Stories.Select(s => ReaderCache.ArticleTag(s.Id)).Append(ReaderCache.IssueTag(pageId)));
        return Page();
    }

    public sealed record PrintedStory(int Id, ArticleKind Kind, string? Column, string? Kicker, string? Headline, string? Subheadline, string BodyStart, List<Credit> Credits, List<PhotoLine> Photos)
    {
        // An item printed without a title gets the display title the rest of the site gives it (图片新闻｜…, 简讯｜…).
        public string Title => DisplayTitles.For(Headline ?? Photos.Select(p => p.Title).FirstOrDefault(t => t is not null), Kind,
            BodyStart.Length > 0 ? BodyStart : Photos.Select(p => p.Caption).FirstOrDefault());

        public string Summary => ReaderPages.Summary(BodyStart, 90);
    }

    public sealed record Credit(int PersonId, string Name, BylineRole Role);

    public sealed record PhotoLine(string? Title, string Caption, string? Credits);
}
