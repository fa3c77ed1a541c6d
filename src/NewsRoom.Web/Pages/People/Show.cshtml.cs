using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.People;

/// <summary>
/// A person's credits, one section per role with the newest stories. A staff reporter of a daily is credited on
/// thousands, so each role links to its own paged list (?role=Reporter) rather than printing them all.
/// </summary>
[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(NewsRoomDb db) : PageModel
{
    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;

    /// <summary>The one role shown, paged; null for the overview of every role.</summary>
    public BylineRole? Role { get; private set; }
    public IReadOnlyList<RoleGroup> Groups { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    // "page" is also Razor Pages' own route value, so the page number is read from the query string by name.
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] BylineRole? role, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || (role is { } asked && !Enum.IsDefined(asked)) || (role is null && pageNumber != 1))
        {
            return NotFound();
        }
        var name = await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }
        var credits = await db.ArticleBylines.Where(b => b.PersonId == id && !db.UnpublishedArticleIds.Contains(b.ArticleId))
            .GroupBy(b => b.Role).Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Someone credited only on unpublished articles is not yet known to readers; nor is a role they never had.
        var shown = credits.Where(c => role is null || c.Role == role).OrderBy(c => c.Role).ToList();
        if (shown.Count == 0 || (role is not null && !Pager.IsValid(pageNumber, shown[0].Count, ReaderPages.PageSize)))
        {
            return NotFound();
        }

        var skip = (pageNumber - 1) * ReaderPages.PageSize;
        var groups = new List<RoleGroup>();
        foreach (var credit in shown)
        {
            var published = await ArticleSubset.CreditedTo(db, id, credit.Role).PublishedForPageAsync(credit.Count, skip + ReaderPages.PageSize, cancellationToken);
            var articles = await published.Latest().Select(ReaderQueries.ToCard).Skip(skip).Take(ReaderPages.PageSize)
                .ToListAsync(cancellationToken);
            groups.Add(new RoleGroup(credit.Role, credit.Count, articles));
        }
        Id = id;
        Name = name;
        Role = role;
        Groups = groups;
        Pager = Pager.For(pageNumber, role is null ? 0 : shown[0].Count, ReaderPages.PageSize, $"/people/{id}",
            new Dictionary<string, string?> { ["role"] = role?.ToString() });
        return Page();
    }

    /// <summary>A role's credited stories: <see cref="Count"/> in all, <see cref="Articles"/> on this page.</summary>
    public sealed record RoleGroup(BylineRole Role, int Count, IReadOnlyList<ArticleCard> Articles);
}
