using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    private const int PerLeague = 4;
    private const int PhotoStrip = 6;
    private const int LatestCount = 100;
    private const int SecondaryCount = 6;

    public Lead? LeadStory { get; private set; }
    public IReadOnlyList<LeagueBlock> Leagues { get; private set; } = [];
    public IReadOnlyList<PhotoCard> Photos { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];
    public IReadOnlyList<EditionStrip> Editions { get; private set; } = [];

    /// <summary>The day's other main stories under the lead: the newest with a printed headline, read from the latest.</summary>
    public IReadOnlyList<ArticleCard> Secondary { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The lead is a story with some substance, not a one-line brief or a column marker.
        LeadStory = await LeadAsync(db.PublishedArticles.Where(a => a.Headline != null && a.Body.Length >= 200), cancellationToken)
            ?? await LeadAsync(db.PublishedArticles.Where(a => a.Headline != null), cancellationToken);

        var leagues = await db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Name, r.Slug })
            .ToListAsync(cancellationToken);
        var blocks = new List<LeagueBlock>();
        foreach (var league in leagues)
        {
            var inLeague = await ArticleSubset.InRegion(db, league.Id).PublishedForNewestAsync(PerLeague, cancellationToken);
            var articles = await inLeague.Latest().Select(ReaderQueries.ToCard).Take(PerLeague).ToListAsync(cancellationToken);
            blocks.Add(new LeagueBlock(league.Name, league.Slug, articles));
        }
        Leagues = blocks;

        Photos = await db.Photos.Where(p => db.PublishedArticles.Any(a => a.Id == p.ArticleId))
            .OrderByDescending(p => p.Article.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new PhotoCard(p.ArticleId, p.Title, p.Caption, p.Credits))
            .Take(PhotoStrip)
            .ToListAsync(cancellationToken);

        Latest = await db.PublishedArticles.Latest().Select(ReaderQueries.ToCard).Take(LatestCount).ToListAsync(cancellationToken);
        Secondary = [.. Latest.Where(a => a.Headline is not null && a.Id != LeadStory?.Id).Take(SecondaryCount)];
        Editions = await db.LatestEditionsAsync(cancellationToken);
    }

    private static Task<Lead?> LeadAsync(IQueryable<Data.Entities.Article> candidates, CancellationToken cancellationToken) =>
        candidates.Latest()
            .Select(a => new Lead(a.Id, a.Headline!, a.Subheadline, a.Body.Substring(0, 300)))
            .FirstOrDefaultAsync(cancellationToken);

    public sealed record Lead(int Id, string Headline, string? Subheadline, string BodyStart)
    {
        public string Summary => ReaderPages.Summary(BodyStart, 120);
    }

    /// <summary>A secondary story's first words under its headline.</summary>
    public static string SecondarySummary(ArticleCard card) => ReaderPages.Summary(card.TextStart, 56);

    public sealed record LeagueBlock(string Name, string Slug, IReadOnlyList<ArticleCard> Articles);

    public sealed record PhotoCard(int ArticleId, string? Title, string Caption, string? Credits);
}
