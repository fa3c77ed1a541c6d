using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>A paper as the edition pages name it.</summary>
public sealed record PaperView(int Id, string Name, string Slug, string? HomeRegion, string? HomeRegionSlug);

/// <summary>One page of an edition in its page strip (版面导航).</summary>
public sealed record StripPage(int Id, int? Number, string? Name, string Address)
{
    public string Label => EditionAddresses.PageName(Number, Name);
}

/// <summary>An edition with its page strip: the front page's and /papers' latest edition of each paper.</summary>
public sealed record EditionStrip(string Paper, string PaperSlug, DateOnly? Date, IReadOnlyList<StripPage> Pages)
{
    public string DayName => EditionAddresses.DayName(Date);
    public string Address => EditionAddresses.Day(PaperSlug, Date);
}

/// <summary>
/// The reader queries of the digital edition (paper → day → page). A page or edition exists for readers only while it
/// holds a published story, as an article does only while it is published. Each query reads one paper or one edition
/// through its index, so none grows with the number of editions in the store.
/// </summary>
public static class EditionQueries
{
    public static Task<PaperView?> PaperAsync(this NewsRoomDb db, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Papers.Where(p => p.Slug == slug)
            .Select(p => new PaperView(p.Id, p.Name, p.Slug, p.HomeRegion == null ? null : p.HomeRegion.Name, p.HomeRegion == null ? null : p.HomeRegion.Slug))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Editions readers can open: a page of them holds a published story.</summary>
    public static IQueryable<Edition> Readable(this IQueryable<Edition> editions) =>
        editions.Where(e => e.Pages.Any(p => p.Articles.Any(a => a.Status == ArticleStatus.Published)));

    /// <summary>Pages readers can open.</summary>
    public static IQueryable<Issue> Readable(this IQueryable<Issue> pages) =>
        pages.Where(p => p.Articles.Any(a => a.Status == ArticleStatus.Published));

    /// <summary>An edition's pages in print order: by 版次, the pages without one after them in the order they came.</summary>
    public static IOrderedQueryable<Issue> InPrintOrder(this IQueryable<Issue> pages) =>
        pages.OrderBy(p => p.PageNumber == null).ThenBy(p => p.PageNumber).ThenBy(p => p.Id);

    /// <summary>The edition's id for this paper and day (null: the paper's undated pages); null when readers have none.</summary>
    public static Task<int?> EditionIdAsync(this NewsRoomDb db, int paperId, DateOnly? date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Editions.Where(e => e.PaperId == paperId && e.PrintDate == date).Readable().Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The edition's readable pages in print order.</summary>
    public static async Task<IReadOnlyList<StripPage>> StripAsync(this NewsRoomDb db, int editionId, string paperSlug, DateOnly? date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pages = await db.Issues.Where(p => p.EditionId == editionId).Readable().InPrintOrder()
            .Select(p => new { p.Id, p.PageNumber, p.PageName })
            .ToListAsync(cancellationToken);
        return [.. pages.Select(p => new StripPage(p.Id, p.PageNumber, p.PageName, EditionAddresses.Page(paperSlug, date, p.PageNumber, p.Id)))];
    }

    /// <summary>Each paper's latest readable edition (its newest day; the undated pages only for a paper with no day), with its page strip.</summary>
    public static async Task<IReadOnlyList<EditionStrip>> LatestEditionsAsync(this NewsRoomDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var papers = await db.Papers.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(cancellationToken);
        var strips = new List<EditionStrip>();
        foreach (var paper in papers)
        {
            // Newest day first; SQLite sorts the undated (NULL) edition last in a descending order.
            var latest = await db.Editions.Where(e => e.PaperId == paper.Id).Readable()
                .OrderByDescending(e => e.PrintDate).Select(e => new { e.Id, e.PrintDate })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null)
            {
                strips.Add(new EditionStrip(paper.Name, paper.Slug, latest.PrintDate, await db.StripAsync(latest.Id, paper.Slug, latest.PrintDate, cancellationToken)));
            }
        }
        // The freshest paper first; the undated after every dated one.
        return [.. strips.OrderByDescending(s => s.Date.HasValue).ThenByDescending(s => s.Date)];
    }
}
