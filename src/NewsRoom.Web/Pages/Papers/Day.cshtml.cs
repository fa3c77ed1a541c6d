using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Papers;

/// <summary>/papers/{paper}/{yyyy-MM-dd} (or /undated): the day's pages, each with its 版次, 版名 and lead headlines.</summary>
[OutputCache(PolicyName = ReaderCache.AllTag)]
public class DayModel(NewsRoomDb db) : PageModel
{
    private const int LeadHeadlines = 3;

    public PaperView Paper { get; private set; } = null!;
    public DateOnly? Date { get; private set; }
    public IReadOnlyList<DayPage> Pages { get; private set; } = [];

    public string Title => $"{Paper.Name} {EditionAddresses.DayName(Date)}";

    public async Task<IActionResult> OnGetAsync(string paper, string day, CancellationToken cancellationToken)
    {
        if (!EditionAddresses.TryDay(day, out var date) || await db.PaperAsync(paper, cancellationToken) is not { } found
            || await db.EditionIdAsync(found.Id, date, cancellationToken) is not { } editionId)
        {
            return NotFound();
        }
        (Paper, Date) = (found, date);
        var pages = await db.StripAsync(editionId, found.Slug, date, cancellationToken);
        // The day's stories in one read of the page index, the first few of each page kept: a per-page Take() became a
        // window over every published article in the store.
        var pageIds = pages.Select(p => p.Id).ToList();
        var stories = await db.PublishedArticles.Where(a => pageIds.Contains(a.IssueId!.Value)).OrderBy(a => a.PagePosition).ThenBy(a => a.Id)
            .Select(a => new
            {
                PageId = a.IssueId!.Value,
                Lead = new Lead(a.Id, a.Headline ?? a.Photos.OrderBy(ph => ph.Order).Select(ph => ph.Title).FirstOrDefault(),
                    a.Body != "" ? a.Body.Substring(0, 40) : a.Photos.OrderBy(ph => ph.Order).Select(ph => ph.Caption.Substring(0, 40)).FirstOrDefault() ?? ""),
            })
            .ToListAsync(cancellationToken);
        var leads = stories.ToLookup(s => s.PageId, s => s.Lead);
        Pages = [.. pages.Select(p => new DayPage(p, [.. leads[p.Id].Take(LeadHeadlines)]))];
        return Page();
    }

    public sealed record DayPage(StripPage Page, IReadOnlyList<Lead> Leads);

    public sealed record Lead(int Id, string? Headline, string BodyStart)
    {
        public string Title => Headline ?? ReaderPages.Summary(BodyStart, 24);
    }
}
