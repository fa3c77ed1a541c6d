using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Search;

// Not output-cached: a search must never show an article after it was unpublished, and queries rarely repeat.
public class IndexModel(NewsRoomDb db, SearchService search) : PageModel
{
    /// <summary>The longest query a search box takes, the header's as the page's: far longer would overflow the request line (414).</summary>
    public const int MaxQueryLength = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public ArticleKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The days a search can be limited to: the papers' years, with room on both sides.</summary>
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);

    /// <inheritdoc cref="EarliestDay"/>
    public static readonly DateOnly LatestDay = new(2100, 12, 31);

    /// <summary>Whether a typed day lies outside the range a date filter takes (none typed is fine).</summary>
    public static bool IsOutOfRange(DateOnly? day) => day is { } d && (d < EarliestDay || d > LatestDay);

    public SearchResults? Results { get; private set; }

    /// <summary>Why the filters were not used, for the reader; null when they were.</summary>
    public string? FilterError { get; private set; }
    public string? PersonName { get; private set; }
    public IReadOnlyList<RegionGroup> Regions { get; private set; } = [];

    public static IReadOnlyList<(ArticleKind Kind, string Label)> Kinds { get; } =
        [(ArticleKind.Article, "文章"), (ArticleKind.Brief, "简讯"), (ArticleKind.Photo, "图片新闻")];

    public bool HasFilters => !string.IsNullOrWhiteSpace(Region) || From is not null || To is not null || Kind is not null || Person is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.ParentId, r.Slug, r.Name })
            .ToListAsync(cancellationToken);
        Regions = regions.Where(r => r.ParentId is null)
            .Select(l => new RegionGroup(l.Slug, l.Name, regions.Where(r => r.ParentId == l.Id).Select(r => new RegionOption(r.Slug, r.Name)).ToList()))
            .ToList();
        if (Person is { } person)
        {
            PersonName = await db.People.Where(p => p.Id == person).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        }
        // A date the form's date picker would never send (0001-01-01, 9999-12-31) is explained, not searched for.
        if (IsOutOfRange(From) || IsOutOfRange(To))
        {
            FilterError = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"日期应在 {EarliestDay:yyyy-MM-dd} 到 {LatestDay:yyyy-MM-dd} 之间，请修改后再搜索。");
            return;
        }
        // Bad filter values (a malformed date, an unknown kind) are left out by model binding; the search goes on without them.
        if (!string.IsNullOrWhiteSpace(Query) || HasFilters)
        {
            Results = await search.SearchAsync(new SearchQuery(Query, Region, From, To, Kind, Person, PageNumber), cancellationToken);
        }
    }

    /// <summary>This search's address with another page number.</summary>
    public string PageUrl(int page) => Url.Page("/Search/Index", new
    {
        q = Query,
        region = Region,
        from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        kind = Kind,
        person = Person,
        page,
    }) ?? "/search";

    public sealed record RegionGroup(string Slug, string Name, IReadOnlyList<RegionOption> Children);

    public sealed record RegionOption(string Slug, string Name);
}
