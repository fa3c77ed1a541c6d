using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>Everything the article page shows, read in one go.</summary>
public sealed record ArticlePage(
    ArticleView Article,
    IReadOnlyList<BylineView> Bylines,
    IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<RegionLink> Regions,
    IReadOnlyList<ArticleCard> Related,
    ArticleCard? Previous,
    ArticleCard? Next);

public sealed record ArticleView(int Id, string? Column, string? Kicker, string? Headline, string? Subheadline,
    string? DatelinePlace, string? DatelineDate, string? DatelineKind, string Body, DateTime? PublishedAt, DateTime UpdatedAt,
    int? IssueId, int? PagePosition, string? Paper, DateOnly? IssueDate, string? PaperSlug = null, int? PageNumber = null, string? PageName = null)
{
    public string? DatelineText => DatelineKind is null ? null : $"本报{DatelinePlace}{DatelineDate}{DatelineKind}";
}

public sealed record BylineView(int PersonId, string Name, BylineRole Role);

public sealed record PhotoView(string? Title, string Caption, string? Credits);

public sealed record RegionLink(int Id, string Name, string Slug, bool IsPrimary);

/// <summary>
/// Reads the article page, the reader's hottest after the output cache, through queries compiled once per process:
/// each request only binds the id and runs them, without translating LINQ again.
/// </summary>
public sealed class ArticlePageReader(NewsRoomDb db)
{
    public const int RelatedCount = 5;

    private static readonly Func<NewsRoomDb, int, CancellationToken, Task<ArticleView?>> ArticleQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int id, CancellationToken _) => db.Articles
            .Where(a => a.Id == id && a.Status == ArticleStatus.Published)
            .Select(a => new ArticleView(a.Id, a.Column, a.Kicker, a.Headline, a.Subheadline, a.DatelinePlace, a.DatelineDate,
                a.DatelineKind, a.Body, a.PublishedAt, a.UpdatedAt, a.IssueId, a.PagePosition,
                a.Issue == null ? null : a.Issue.Edition.Paper.Name,
                a.Issue == null ? null : a.Issue.Edition.PrintDate,
                a.Issue == null ? null : a.Issue.Edition.Paper.Slug,
                a.Issue == null ? null : a.Issue.PageNumber,
                a.Issue == null ? null : a.Issue.PageName))
            .FirstOrDefault());

    private static readonly Func<NewsRoomDb, int, IAsyncEnumerable<BylineView>> BylinesQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int id) => db.ArticleBylines
            .Where(b => b.ArticleId == id)
            .OrderBy(b => b.Order)
            .Select(b => new BylineView(b.PersonId, b.Person.Name, b.Role)));

    private static readonly Func<NewsRoomDb, int, IAsyncEnumerable<PhotoView>> PhotosQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int id) => db.Photos
            .Where(p => p.ArticleId == id)
            .OrderBy(p => p.Order)
            .Select(p => new PhotoView(p.Title, p.Caption, p.Credits)));

    private static readonly Func<NewsRoomDb, int, IAsyncEnumerable<RegionLink>> RegionsQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int id) => db.ArticleRegions
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.IsPrimary).ThenBy(r => r.Order)
            .Select(r => new RegionLink(r.RegionId, r.Region.Name, r.Region.Slug, r.IsPrimary)));

    // The newest published articles whose primary region is this one's, in the lists' order: one range of the
    // PrimaryRegionId index, however few articles the region has. Their region is the one already read.
    private static readonly Func<NewsRoomDb, int, int, string, IAsyncEnumerable<ArticleCard>> RelatedQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int id, int region, string regionName) => db.Articles
            .Where(a => a.PrimaryRegionId == region && a.Status == ArticleStatus.Published && a.Id != id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.IssueId).ThenBy(a => a.PagePosition).ThenBy(a => a.Id)
            .Take(RelatedCount)
            .Select(a => new ArticleCard(
                a.Id,
                a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault(),
                a.Body != "" ? a.Body.Substring(0, 40) : a.Photos.OrderBy(p => p.Order).Select(p => p.Caption.Substring(0, 40)).FirstOrDefault() ?? "",
                regionName,
                a.PublishedAt,
                a.Issue == null ? null : a.Issue.Edition.Paper.Name)));

    // The neighbours on the printed page show only a title.
    private static readonly Func<NewsRoomDb, int, int, CancellationToken, Task<ArticleCard?>> PreviousQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int issue, int position, CancellationToken _) => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.IssueId == issue && a.PagePosition < position)
            .OrderByDescending(a => a.PagePosition)
            .Select(a => new ArticleCard(a.Id, a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault(),
                a.Body.Substring(0, 40), null, a.PublishedAt, null))
            .FirstOrDefault());

    private static readonly Func<NewsRoomDb, int, int, CancellationToken, Task<ArticleCard?>> NextQuery =
        EF.CompileAsyncQuery((NewsRoomDb db, int issue, int position, CancellationToken _) => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.IssueId == issue && a.PagePosition > position)
            .OrderBy(a => a.PagePosition)
            .Select(a => new ArticleCard(a.Id, a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault(),
                a.Body.Substring(0, 40), null, a.PublishedAt, null))
            .FirstOrDefault());

    /// <summary>The published article with this id and what its page shows around it; null when there is none.</summary>
    public async Task<ArticlePage?> ReadAsync(int id, CancellationToken cancellationToken = default)
    {
        // One open of the connection for the page's queries, not one per query: each open sets the connection up again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadOpenAsync(id, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ArticlePage?> ReadOpenAsync(int id, CancellationToken cancellationToken)
    {
        if (await ArticleQuery(db, id, cancellationToken) is not { } article)
        {
            return null;
        }
        var bylines = await BylinesQuery(db, id).ToListAsync(cancellationToken);
        var photos = await PhotosQuery(db, id).ToListAsync(cancellationToken);
        var regions = await RegionsQuery(db, id).ToListAsync(cancellationToken);

        IReadOnlyList<ArticleCard> related = [];
        if (regions.FirstOrDefault(r => r.IsPrimary) is { } primary)
        {
            related = await RelatedQuery(db, id, primary.Id, primary.Name).ToListAsync(cancellationToken);
        }

        ArticleCard? previous = null, next = null;
        if (article is { IssueId: { } issueId, PagePosition: { } position })
        {
            previous = await PreviousQuery(db, issueId, position, cancellationToken);
            next = await NextQuery(db, issueId, position, cancellationToken);
        }
        return new ArticlePage(article, bylines, photos, regions, related, previous, next);
    }
}
