using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Ingest;
using NewsRoom.Web.Data;
using NewsRoom.Web.Data.Entities;
using NewsRoom.Web.Publishing;

namespace NewsRoom.Web.Pages.Articles;

public class ShowModel(NewsRoomDb db) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<BylineView> Bylines { get; private set; } = [];
    public string BodyHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.PublishedArticles.AsNoTracking()
            .Include(a => a.Photos)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Bylines = await db.ArticleBylines.Where(b => b.ArticleId == id).OrderBy(b => b.Order)
            .Select(b => new BylineView(b.PersonId, b.Person.Name, b.Role))
            .ToListAsync(cancellationToken);
        BodyHtml = MarkdownRenderer.ToHtml(article.Body);
        return Page();
    }

    public sealed record BylineView(int PersonId, string Name, BylineRole Role);
}
