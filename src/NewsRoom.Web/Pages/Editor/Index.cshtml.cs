using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor;

public class IndexModel(NewsRoomDb db) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public ArticleStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public ArticleKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<DeskRow> Articles { get; private set; } = [];
    public IReadOnlyDictionary<ArticleStatus, int> Counts { get; private set; } = new Dictionary<ArticleStatus, int>();
    public IReadOnlyList<RegionChoice> Regions { get; private set; } = [];
    public bool MoreThanShown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Articles.AsNoTracking();
        if (Mine)
        {
            var me = User.Identity?.Name;
            query = query.Where(a => a.CreatedBy == me);
        }
        if (Region is int region)
        {
            // A league's filter includes its banners and counties.
            query = query.Where(a => a.Regions.Any(r => r.RegionId == region || r.Region.ParentId == region));
        }
        if (Kind is ArticleKind kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(a => a.Headline != null && a.Headline.Contains(q));
        }

        Counts = await query.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (Status is ArticleStatus status)
        {
            query = query.Where(a => a.Status == status);
        }
        var rows = await query
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new DeskRow(
                a.Id,
                a.Headline,
                a.Kind,
                a.Status,
                a.PublishedAt,
                a.UpdatedAt,
                // An imported story was written by the people its byline names, not by the import ("seed",
                // "command-line"): the first of them, or 导入 for an uncredited brief.
                a.ImportKey == null ? a.CreatedBy : a.Bylines.OrderBy(b => b.Order).Select(b => b.Person.Name).FirstOrDefault() ?? ImportedAuthor,
                a.Regions.Where(r => r.IsPrimary).Select(r => r.Region.Name).FirstOrDefault(),
                a.ImportKey != null))
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        MoreThanShown = rows.Count > PageSize;
        Articles = rows.Take(PageSize).ToList();
        Regions = await EditorChoices.RegionsAsync(db, cancellationToken);
    }

    public string StatusLink(ArticleStatus? status) =>
        Url.Page("/Editor/Index", new { status, mine = Mine ? true : (bool?)null, region = Region, kind = Kind, q = Q })!;

    /// <summary>The author shown for an imported story that credits no one.</summary>
    public const string ImportedAuthor = "导入";

    public sealed record DeskRow(int Id, string? Headline, ArticleKind Kind, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, string? Author, string? Region, bool Imported);
}
