using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>The queries every reader list shares; they start from NewsRoomDb.PublishedArticles, never from Articles.</summary>
public static class ReaderQueries
{
    /// <summary>
    /// Published articles tagged with each region itself (a league's count here leaves out its counties' articles), in one
    /// pass over the region index.
    /// </summary>
    public static Task<Dictionary<int, int>> PublishedPerRegionAsync(this NewsRoomDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ArticleRegions.Where(r => !db.UnpublishedArticleIds.Contains(r.ArticleId))
            .GroupBy(r => r.RegionId).Select(g => new { RegionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RegionId, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// Newest first; articles of one issue in printed order. An imported story's PublishedAt is its print day (ImportWriter),
    /// null when the day is unknown, and SQLite sorts those after every dated one: by print day, then by import.
    /// </summary>
    public static IOrderedQueryable<Article> Latest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.IssueId).ThenBy(a => a.PagePosition).ThenBy(a => a.Id);

    /// <summary>The projection of an article in a list.</summary>
    public static readonly Expression<Func<Article, ArticleCard>> ToCard = a => new ArticleCard(
        a.Id,
        a.Headline ?? a.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault() ?? a.DisplayTitle,
        // The kind a display title names: an item whose words are all in a caption is photo news, however it was filed.
        a.Body != "" ? a.Kind : ArticleKind.Photo,
        // Photo news carries its text in the caption: a list still needs words to show.
        a.Body != "" ? a.Body.Substring(0, DisplayTitles.TextLength) : a.Photos.OrderBy(p => p.Order).Select(p => p.Caption.Substring(0, DisplayTitles.TextLength)).FirstOrDefault() ?? "",
        a.Regions.Where(r => r.IsPrimary).Select(r => r.Region.Name).FirstOrDefault(),
        a.PublishedAt,
        a.Issue == null ? null : a.Issue.Edition.Paper.Name);
}

/// <summary>An article as a list shows it.</summary>
public sealed record ArticleCard(int Id, string? Headline, ArticleKind Kind, string TextStart, string? Region, DateTime? PublishedAt, string? Paper)
{
    /// <summary>The printed headline, or for an item printed without one its display title (<see cref="DisplayTitles"/>).</summary>
    public string Title => DisplayTitles.For(Headline, Kind, TextStart);
}
