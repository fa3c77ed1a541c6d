using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor;

/// <summary>A region in a picker: leagues first, each followed by its banners and counties.</summary>
public sealed record RegionChoice(int Id, string Name, bool IsLeague, string League);

/// <summary>The Chinese words of the desk's choices, shared by its pages.</summary>
public static class EditorChoices
{
    public static string ToChinese(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.Scheduled => "待发布",
        ArticleStatus.Published => "已发布",
        _ => "已归档",
    };

    public static string ToChinese(this ArticleKind kind) => kind switch
    {
        ArticleKind.Article => "文章",
        ArticleKind.Brief => "简讯",
        _ => "图片新闻",
    };

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
