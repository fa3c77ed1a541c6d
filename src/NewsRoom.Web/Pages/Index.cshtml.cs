using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Web.Data;

namespace NewsRoom.Web.Pages;

public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<ArticleLink> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Articles = await db.PublishedArticles
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.IssueId).ThenBy(a => a.PagePosition)
            .Select(a => new ArticleLink(
                a.Id,
                a.Headline ?? a.Body.Substring(0, 30),
                a.Regions.Where(r => r.IsPrimary).Select(r => r.Region.Name).FirstOrDefault()))
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    public sealed record ArticleLink(int Id, string Title, string? Region);
}
