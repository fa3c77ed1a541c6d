using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>
/// The articles a reader list pages through: a region with its banners, counties and districts, or a person's credits
/// in one role. It counts them and finds a page of the published ones.
/// </summary>
/// <remarks>
/// SQLite has two ways to find a page and no statistics to choose between them. It can walk the reader-order index newest
/// first and ask each article whether it belongs: a few dozen steps for a page of Hohhot, which has half of all articles,
/// but the whole index (about 100 ms at 110,000 articles) for a county with three stories. Or it can collect the members
/// first, look up each one's row and sort them: almost nothing for the county, a tenth of a second for Hohhot. The list
/// knows how many members there are, so it makes the choice itself.
/// </remarks>
public sealed class ArticleSubset
{
    private readonly NewsRoomDb db;
    private readonly Expression<Func<Article, bool>> belongs;
    private readonly IQueryable<int> memberIds;

    private ArticleSubset(NewsRoomDb db, Expression<Func<Article, bool>> belongs, IQueryable<int> memberIds)
    {
        this.db = db;
        this.belongs = belongs;
        this.memberIds = memberIds;
    }

    /// <summary>Articles about a region or, for a league or city, about any of its banners, counties and districts.</summary>
    public static ArticleSubset InRegion(NewsRoomDb db, int regionId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regionAndChildren = db.Regions.Where(r => r.Id == regionId || r.ParentId == regionId).Select(r => r.Id);
        return new(db,
            a => a.Regions.Any(r => r.RegionId == regionId || r.Region.ParentId == regionId),
            db.ArticleRegions.Where(r => regionAndChildren.Contains(r.RegionId)).Select(r => r.ArticleId));
    }

    /// <summary>Articles that credit a person in a role.</summary>
    public static ArticleSubset CreditedTo(NewsRoomDb db, int personId, BylineRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(db,
            a => a.Bylines.Any(b => b.PersonId == personId && b.Role == role),
            db.ArticleBylines.Where(b => b.PersonId == personId && b.Role == role).Select(b => b.ArticleId));
    }

    /// <summary>
    /// The published members, each once. They are read from the link table, leaving out the few unpublished articles,
    /// rather than by looking up every member's own row.
    /// </summary>
    public IQueryable<int> PublishedIds => memberIds.Where(id => !db.UnpublishedArticleIds.Contains(id)).Distinct();

    public Task<int> CountPublishedAsync(CancellationToken cancellationToken) => PublishedIds.CountAsync(cancellationToken);

    /// <summary>
    /// The published members, filtered the way that suits a page ending at <paramref name="pageEnd"/> (its skip plus
    /// take); the caller orders and slices. <paramref name="members"/> is their count, or an upper bound of it.
    /// </summary>
    public async Task<IQueryable<Article>> PublishedForPageAsync(int members, int pageEnd, CancellationToken cancellationToken) =>
        Published(members, pageEnd, await StoreSizeAsync(cancellationToken));

    /// <summary>
    /// The published members for a block that shows the newest few and no count. The links are counted only as far as
    /// the choice needs, a few hundred rows at most.
    /// </summary>
    public async Task<IQueryable<Article>> PublishedForNewestAsync(int take, CancellationToken cancellationToken)
    {
        var storeSize = await StoreSizeAsync(cancellationToken);
        var enough = (int)Math.Ceiling(Math.Sqrt((double)take * storeSize));
        var links = await memberIds.Take(enough).CountAsync(cancellationToken);
        return Published(links, take, storeSize);
    }

    private IQueryable<Article> Published(int members, int pageEnd, int storeSize) =>
        members == 0 ? db.Articles.Where(_ => false)
        : WalkIsShorter(members, pageEnd, storeSize) ? db.PublishedArticles.Where(belongs)
        // Without a status test on the article itself SQLite cannot walk the reader-order index, so it looks up the
        // members' rows and sorts them; PublishedIds has already left out the unpublished.
        : db.Articles.Where(a => PublishedIds.Contains(a.Id));

    /// <summary>
    /// With the members spread over time, the walk reads about pageEnd × storeSize / members index entries before the
    /// page is full, and collecting reads about one row per member: the walk wins once members² passes pageEnd × storeSize.
    /// </summary>
    internal static bool WalkIsShorter(long members, long pageEnd, long storeSize) => members * members >= pageEnd * storeSize;

    // The highest id stands in for the number of articles: one step down the primary key instead of a count.
    private async Task<int> StoreSizeAsync(CancellationToken cancellationToken) =>
        await db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0;
}
