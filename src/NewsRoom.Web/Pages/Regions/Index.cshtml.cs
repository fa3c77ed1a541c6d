using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Regions;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<League> Leagues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Name, r.Slug, r.ParentId })
            .ToListAsync(cancellationToken);
        var direct = await db.PublishedPerRegionAsync(cancellationToken);
        var leagues = new List<League>();
        foreach (var league in regions.Where(r => r.ParentId is null))
        {
            // An article about the league and one of its counties is counted once.
            var count = await ArticleSubset.InRegion(db, league.Id).CountPublishedAsync(cancellationToken);
            var children = regions.Where(r => r.ParentId == league.Id)
                .Select(r => new RegionCount(r.Name, r.Slug, direct.GetValueOrDefault(r.Id)))
                .ToList();
            leagues.Add(new League(new RegionCount(league.Name, league.Slug, count), children));
        }
        Leagues = leagues;
    }

    public sealed record RegionCount(string Name, string Slug, int Articles);

    public sealed record League(RegionCount Region, IReadOnlyList<RegionCount> Children);
}
