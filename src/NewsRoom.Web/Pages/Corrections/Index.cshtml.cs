using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Corrections;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<CorrectionCard> Corrections { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    // "page" is also Razor Pages' own route value, so the page number is read from the query string by name.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var corrections = CorrectionList.OfPublishedStories(db);
        var total = await corrections.CountAsync(cancellationToken);
        if (!Pager.IsValid(pageNumber, total, ReaderPages.PageSize))
        {
            return NotFound();
        }
        Corrections = await CorrectionList.NewestAsync(corrections, (pageNumber - 1) * ReaderPages.PageSize, ReaderPages.PageSize, cancellationToken);
        Pager = Pager.For(pageNumber, total, ReaderPages.PageSize, "/corrections");
        return Page();
    }
}
