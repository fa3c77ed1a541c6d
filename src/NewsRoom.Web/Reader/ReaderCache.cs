using Microsoft.AspNetCore.OutputCaching;

namespace NewsRoom.Web.Reader;

/// <summary>
/// Tags of the reader pages' output cache, and their eviction. Every reader page is tagged with
/// <see cref="AllTag"/> and the tags of what it shows, so a publish, edit, archive or import evicts
/// exactly the pages that could now be stale.
/// </summary>
public sealed class ReaderCache(IOutputCacheStore store)
{
    /// <summary>On every reader page: lists, feeds and the front page can change with any article.</summary>
    public const string AllTag = "reader";

    public static string ArticleTag(int articleId) => $"article-{articleId}";
    public static string RegionTag(int regionId) => $"region-{regionId}";
    public static string IssueTag(int issueId) => $"issue-{issueId}";

    /// <summary>Evicts the pages of these articles and every list that may show them.</summary>
    public async Task EvictArticlesAsync(IEnumerable<int> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        foreach (var id in articleIds)
        {
            await store.EvictByTagAsync(ArticleTag(id), cancellationToken);
        }
        // Lists (front page, regions, issues, people, feeds, search) can include any article.
        await store.EvictByTagAsync(AllTag, cancellationToken);
    }
}
