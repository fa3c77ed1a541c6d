using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>What a retracted story's address tells readers: its title, when it ran, and why it was withdrawn.</summary>
public sealed record RetractionNotice(int ArticleId, string Title, DateTime? PublishedAt, DateOnly? PrintDate, string? Paper, string PublicReason, DateTime RetractedAt);

/// <summary>
/// Reads the notice of a retracted story, for the article page's 410. Only the retracted answer this: a story the
/// desk merely unpublished stays an address that does not exist (404).
/// </summary>
public sealed class RetractionNotices(NewsRoomDb db)
{
    public async Task<RetractionNotice?> FindAsync(int articleId, CancellationToken cancellationToken = default)
    {
        var found = await db.Retractions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && r.UndoneAt == null && r.Article.Status == ArticleStatus.Retracted)
            .OrderByDescending(r => r.RetractedAt)
            .Select(r => new
            {
                r.Article.Headline,
                PhotoTitle = r.Article.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault(),
                r.Article.DisplayTitle,
                Kind = r.Article.Body != "" ? r.Article.Kind : ArticleKind.Photo,
                Text = r.Article.Body != "" ? r.Article.Body : r.Article.Photos.OrderBy(p => p.Order).Select(p => p.Caption).FirstOrDefault() ?? "",
                r.Article.PublishedAt,
                PrintDate = r.Article.Issue == null ? null : r.Article.Issue.Edition.PrintDate,
                Paper = r.Article.Issue == null ? null : r.Article.Issue.Edition.Paper.Name,
                r.PublicReason,
                r.RetractedAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new RetractionNotice(articleId, DisplayTitles.For(found.Headline ?? found.PhotoTitle ?? found.DisplayTitle, found.Kind, found.Text),
                found.PublishedAt, found.PrintDate, found.Paper, found.PublicReason, found.RetractedAt);
    }
}
