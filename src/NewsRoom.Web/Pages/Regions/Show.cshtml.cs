using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Regions;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class ShowModel(NewsRoomDb db) : PageModel
{
    public RegionView Region { get; private set; } = null!;
    public RegionView? Parent { get; private set; }
    public IReadOnlyList<RegionView> Children { get; private set; } = [];

    /// <summary>The county a league page is narrowed to, if any.</summary>
    public RegionView? County { get; private set; }
    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    /// <summary>The page's meta description: the region and its newest headlines.</summary>
    public string Description => $"{(County ?? Region).Name}新闻：" + (Articles.Count == 0
        ? "北疆新闻汇集的内蒙古地方报纸报道。"
        : string.Join("；", Articles.Take(3).Select(a => a.Title)));

    // "page" is also Razor Pages' own route value, so the page number is read from the query string by name.
    public async Task<IActionResult> OnGetAsync(string slug, string? county, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var region = await db.Regions.Where(r => r.Slug == slug)
            .Select(r => new { View = new RegionView(r.Id, r.Name, r.Slug, r.Kind), r.ParentId })
            .SingleOrDefaultAsync(cancellationToken);
        if (region is null)
        {
            return NotFound();
        }
        Region = region.View;
        if (region.ParentId is { } parentId)
        {
            Parent = await db.Regions.Where(r => r.Id == parentId).Select(r => new RegionView(r.Id, r.Name, r.Slug, r.Kind)).SingleAsync(cancellationToken);
        }
        Children = await db.Regions.Where(r => r.ParentId == Region.Id).OrderBy(r => r.SortOrder)
            .Select(r => new RegionView(r.Id, r.Name, r.Slug, r.Kind))
            .ToListAsync(cancellationToken);
        if (!string.IsNullOrEmpty(county))
        {
            County = Children.FirstOrDefault(c => c.Slug == county);
            if (County is null)
            {
                return NotFound();
            }
        }

        var subset = ArticleSubset.InRegion(db, (County ?? Region).Id);
        var total = await subset.CountPublishedAsync(cancellationToken);
        if (!Pager.IsValid(pageNumber, total, ReaderPages.PageSize))
        {
            return NotFound();
        }
        var skip = (pageNumber - 1) * ReaderPages.PageSize;
        var published = await subset.PublishedForPageAsync(total, skip + ReaderPages.PageSize, cancellationToken);
        Articles = await published.Latest().Select(ReaderQueries.ToCard).Skip(skip).Take(ReaderPages.PageSize)
            .ToListAsync(cancellationToken);
        Pager = Pager.For(pageNumber, total, ReaderPages.PageSize, $"/regions/{slug}", new Dictionary<string, string?> { ["county"] = County?.Slug });
        HttpContext.TagCache(Children.Select(c => ReaderCache.RegionTag(c.Id)).Append(ReaderCache.RegionTag(Region.Id)));
        return Page();
    }

    public sealed record RegionView(int Id, string Name, string Slug, string Kind);
}
