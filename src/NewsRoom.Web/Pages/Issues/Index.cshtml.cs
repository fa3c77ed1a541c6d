using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Issues;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<IssueCard> Issues { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    // "page" is also Razor Pages' own route value, so the page number is read from the query string by name.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var issues = db.Issues.Where(i => i.Articles.Any(a => a.Status == ArticleStatus.Published));
        var total = await issues.CountAsync(cancellationToken);
        if (!Pager.IsValid(pageNumber, total, ReaderPages.PageSize))
        {
            return NotFound();
        }
        Issues = await issues.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id)
            .Select(i => new IssueCard(i.Id, i.Paper, i.IssueDate, i.HomeRegion == null ? null : i.HomeRegion.Name,
                i.Articles.Count(a => a.Status == ArticleStatus.Published),
                i.Articles.Where(a => a.Status == ArticleStatus.Published && a.Headline != null).OrderBy(a => a.PagePosition).Select(a => a.Headline).FirstOrDefault()))
            .Skip((pageNumber - 1) * ReaderPages.PageSize).Take(ReaderPages.PageSize)
            .ToListAsync(cancellationToken);
        Pager = Pager.For(pageNumber, total, ReaderPages.PageSize, "/issues");
        return Page();
    }

    public sealed record IssueCard(int Id, string? Paper, DateOnly? Date, string? HomeRegion, int Articles, string? FirstHeadline)
    {
        public string Title => IssueTitle.Of(Id, Paper, Date);
    }
}

/// <summary>How an edition is named to readers: paper and date, or its number when the parser found neither.</summary>
public static class IssueTitle
{
    public static string Of(int id, string? paper, DateOnly? date) =>
        (paper, date) switch
        {
            (not null, { } d) => $"{paper} {d.Year}年{d.Month}月{d.Day}日",
            (not null, null) => paper,
            (null, { } d) => $"{d.Year}年{d.Month}月{d.Day}日版面",
            _ => $"第 {id} 号版面",
        };
}
