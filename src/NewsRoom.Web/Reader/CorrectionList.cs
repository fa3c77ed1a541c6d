using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>A correction as /corrections and its feed list it: the notice and the story it corrects.</summary>
public sealed record CorrectionCard(int Id, CorrectionKind Kind, string Text, DateOnly Date, DateTime CreatedAt, int ArticleId, string ArticleTitle);

/// <summary>
/// Every 更正 and 说明 of the site, newest first: the day they carry, then when they were added. Only those of stories
/// readers can read: a retracted story's notices go with it (its address says why).
/// </summary>
public static class CorrectionList
{
    public static IQueryable<Correction> OfPublishedStories(NewsRoomDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Corrections.Where(c => c.Article.Status == ArticleStatus.Published);
    }

    public static async Task<List<CorrectionCard>> NewestAsync(IQueryable<Correction> corrections, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await corrections
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(skip).Take(take)
            .Select(c => new
            {
                c.Id,
                c.Kind,
                c.Text,
                c.Date,
                c.CreatedAt,
                c.ArticleId,
                c.Article.Headline,
                PhotoTitle = c.Article.Photos.OrderBy(p => p.Order).Select(p => p.Title).FirstOrDefault(),
                c.Article.DisplayTitle,
                StoryKind = c.Article.Body != "" ? c.Article.Kind : ArticleKind.Photo,
                // Photo news carries its words in the caption: its title is made from them.
                Start = c.Article.Body != "" ? c.Article.Body.Substring(0, DisplayTitles.TextLength)
                    : c.Article.Photos.OrderBy(p => p.Order).Select(p => p.Caption).FirstOrDefault() ?? "",
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CorrectionCard(r.Id, r.Kind, r.Text, r.Date, r.CreatedAt, r.ArticleId,
            DisplayTitles.For(r.Headline ?? r.PhotoTitle ?? r.DisplayTitle, r.StoryKind, r.Start))).ToList();
    }
}
