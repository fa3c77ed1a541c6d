using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Desk;

/// <summary>What became of a correction, a retraction or its undoing.</summary>
public enum NoticeOutcome
{
    Done,
    NotFound,

    /// <summary>The story is not in the status the step needs: only a published story is corrected or retracted, only a retracted one restored.</summary>
    WrongStatus,

    /// <summary>Someone saved the story at the same moment; nothing was written.</summary>
    Conflict,
}

/// <summary>A 更正 or 说明 as the chief editor wrote it.</summary>
public sealed record CorrectionRequest(int ArticleId, CorrectionKind Kind, string Text, DateOnly Date, string User);

/// <summary>A retraction: the reason readers see, and what the newsroom keeps to itself.</summary>
public sealed record RetractionRequest(int ArticleId, string PublicReason, string? InternalNote, string User);

public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Adds a 更正 or 说明 to a published story. The story's modification time moves with it (its dateModified, its
    /// feed entry), and the notice is one revision and one audit row, written with it in one save.
    /// </summary>
    public async Task<NoticeOutcome> CorrectAsync(CorrectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var article = await LoadAsync(request.ArticleId, cancellationToken);
        if (article is null)
        {
            return NoticeOutcome.NotFound;
        }
        if (article.Status != ArticleStatus.Published)
        {
            return NoticeOutcome.WrongStatus;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var label = request.Kind.ToChinese();
        db.Corrections.Add(new Correction
        {
            Article = article,
            Kind = request.Kind,
            Text = request.Text,
            Date = request.Date,
            CreatedAt = now,
            CreatedBy = request.User,
        });
        var action = request.Kind == CorrectionKind.Correction ? AuditActions.ArticleCorrected : AuditActions.ArticleClarified;
        return await CommitNoticeAsync(article, label, request.User, now, new AuditNote(action, article.Status, $"{label}：{request.Text}"), cancellationToken);
    }

    /// <summary>
    /// Withdraws a published story: its address answers 410 with the public reason, and it leaves every list, feed,
    /// sitemap and the search index with the status change (the index's triggers see to the last).
    /// </summary>
    public async Task<NoticeOutcome> RetractAsync(RetractionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var article = await LoadAsync(request.ArticleId, cancellationToken);
        if (article is null)
        {
            return NoticeOutcome.NotFound;
        }
        if (article.Status != ArticleStatus.Published)
        {
            return NoticeOutcome.WrongStatus;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Retractions.Add(new Retraction
        {
            Article = article,
            PublicReason = request.PublicReason,
            InternalNote = request.InternalNote,
            RetractedAt = now,
            RetractedBy = request.User,
        });
        article.Status = ArticleStatus.Retracted;
        return await CommitNoticeAsync(article, "撤稿", request.User, now, new AuditNote(AuditActions.ArticleRetracted, ArticleStatus.Published, $"理由：{request.PublicReason}"), cancellationToken);
    }

    /// <summary>Puts a retracted story back as published, as it was; its retraction stays on record as undone.</summary>
    public async Task<NoticeOutcome> UndoRetractionAsync(int articleId, string user, CancellationToken cancellationToken = default)
    {
        var article = await LoadAsync(articleId, cancellationToken);
        if (article is null)
        {
            return NoticeOutcome.NotFound;
        }
        if (article.Status != ArticleStatus.Retracted)
        {
            return NoticeOutcome.WrongStatus;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Retractions.Where(r => r.ArticleId == articleId && r.UndoneAt == null).ToListAsync(cancellationToken);
        foreach (var retraction in open)
        {
            retraction.UndoneAt = now;
            retraction.UndoneBy = user;
        }
        article.Status = ArticleStatus.Published;
        return await CommitNoticeAsync(article, "撤销撤稿", user, now, new AuditNote(AuditActions.ArticleRetractionUndone, ArticleStatus.Retracted), cancellationToken);
    }

    private async Task<NoticeOutcome> CommitNoticeAsync(Article article, string label, string user, DateTime now, AuditNote note, CancellationToken cancellationToken)
    {
        try
        {
            await CommitAsync(article, label, user, now, note, cancellationToken);
            return NoticeOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A save slipped in between our read and our write; the notice was not written with it.
            db.ChangeTracker.Clear();
            return NoticeOutcome.Conflict;
        }
    }
}
