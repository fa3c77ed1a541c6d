using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Ingest;
using NewsRoom.Web.Data;
using NewsRoom.Web.Publishing;

namespace NewsRoom.Web.Pages.People;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(NewsRoomDb db) : PageModel
{
    public string Name { get; private set; } = string.Empty;
    public IReadOnlyList<RoleGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }
        var credits = await db.ArticleBylines.Where(b => b.PersonId == id && db.PublishedArticles.Any(a => a.Id == b.ArticleId))
            .Select(b => new { b.Role, b.ArticleId })
            .ToListAsync(cancellationToken);
        // Someone credited only on unpublished articles is not yet known to readers.
        if (credits.Count == 0)
        {
            return NotFound();
        }
        var ids = credits.Select(c => c.ArticleId).Distinct().ToList();
        var cards = await db.PublishedArticles.Where(a => ids.Contains(a.Id)).Latest().Select(ReaderQueries.ToCard).ToListAsync(cancellationToken);
        Name = name;
        Groups = credits.GroupBy(c => c.Role).OrderBy(g => g.Key)
            .Select(g =>
            {
                var mine = g.Select(c => c.ArticleId).ToHashSet();
                return new RoleGroup(g.Key, cards.Where(c => mine.Contains(c.Id)).ToList());
            })
            .ToList();
        HttpContext.TagCache(ids.Select(ReaderCache.ArticleTag));
        return Page();
    }

    public sealed record RoleGroup(BylineRole Role, IReadOnlyList<ArticleCard> Articles);
}
