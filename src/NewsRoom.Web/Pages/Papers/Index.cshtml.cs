using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsRoom.Web.Pages.Papers;

/// <summary>/papers: every paper with its latest edition.</summary>
[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<EditionStrip> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Editions = await db.LatestEditionsAsync(cancellationToken);
}
