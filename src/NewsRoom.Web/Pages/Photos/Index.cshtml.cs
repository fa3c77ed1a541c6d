using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Photos;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<PhotoCard> Photos { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    // "page" is also Razor Pages' own route value, so the page number is read from the query string by name.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var photos = db.Photos.Where(p => db.PublishedArticles.Any(a => a.Id == p.ArticleId));
        var total = await photos.CountAsync(cancellationToken);
        if (!Pager.IsValid(pageNumber, total, ReaderPages.PageSize))
        {
            return NotFound();
        }
        Photos = await photos.OrderByDescending(p => p.Article.PublishedAt).ThenByDescending(p => p.ArticleId).ThenBy(p => p.Order)
            .Select(p => new PhotoCard(p.ArticleId, p.Article.Headline, p.Title, p.Caption, p.Credits, p.Article.PublishedAt))
            .Skip((pageNumber - 1) * ReaderPages.PageSize).Take(ReaderPages.PageSize)
            .ToListAsync(cancellationToken);
        Pager = Pager.For(pageNumber, total, ReaderPages.PageSize, "/photos");
        return Page();
    }

    public sealed record PhotoCard(int ArticleId, string? Headline, string? Title, string Caption, string? Credits, DateTime? PublishedAt);
}
