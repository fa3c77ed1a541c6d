using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin;

public class IndexModel(NewsRoomDb db) : PageModel
{
    public int Issues { get; private set; }
    public int Articles { get; private set; }
    public int Users { get; private set; }
    public LastRun? Last { get; private set; }

    public sealed record LastRun(int Id, DateTime StartedAt, string? StartedBy, ImportRunState State);

    public async Task OnGetAsync()
    {
        Issues = await db.Issues.CountAsync();
        Articles = await db.Articles.CountAsync(a => a.Status != ArticleStatus.Archived);
        Users = await db.Users.CountAsync();
        Last = await db.ImportRuns.OrderByDescending(r => r.Id)
            .Select(r => new LastRun(r.Id, r.StartedAt, r.StartedBy, r.State))
            .FirstOrDefaultAsync();
    }
}
