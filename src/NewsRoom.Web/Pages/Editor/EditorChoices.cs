using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor;

/// <summary>A region in a picker: leagues first, each followed by its banners and counties.</summary>
public sealed record RegionChoice(int Id, string Name, bool IsLeague, string League);

/// <summary>The desk's pickers, shared by its pages (the words of statuses and kinds are the desk's: DeskText).</summary>
public static class EditorChoices
{
    public static async Task<IReadOnlyList<RegionChoice>> RegionsAsync(NewsRoomDb db, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking()
            .OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Name, r.ParentId })
            .ToListAsync(cancellationToken);
        var leagues = regions.Where(r => r.ParentId is null).ToList();
        return leagues
            .SelectMany(l => regions.Where(r => r.ParentId == l.Id).Select(r => new RegionChoice(r.Id, r.Name, false, l.Name))
                .Prepend(new RegionChoice(l.Id, l.Name, true, l.Name)))
            .ToList();
    }
}
