using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Desk;

/// <summary>What a save does to an article's status besides keeping its text.</summary>
public enum WorkflowAction
{
    /// <summary>Keeps the status; a new article starts as a draft.</summary>
    Save,
    Publish,
    Schedule,
    Unpublish,
    Archive,

    /// <summary>提交审核: a draft goes to the first review level the settings leave.</summary>
    Submit,

    /// <summary>通过初审.</summary>
    PassFirstReview,

    /// <summary>通过复审.</summary>
    PassSecondReview,

    /// <summary>退回: back to its writer as a draft, with a required comment.</summary>
    Return,
}

/// <summary>One save from the desk: the whole article as the editor sent it and the stamp it was read with.</summary>
public sealed record SaveRequest(int? ArticleId, Guid? ExpectedStamp, ArticleSnapshot Content, WorkflowAction Action, DateTime? PublishAtUtc, string User)
{
    /// <summary>The reviewer's comment on a review step; a return needs one.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// Set when the caller may not change what readers see (below 总编辑): an edit of a published story then goes to its
    /// working copy (修改稿) and through review, and the published text stays live until 终审 applies it.
    /// </summary>
    public bool ThroughReview { get; init; }
}

public enum SaveOutcomeKind
{
    Saved,
    NotFound,
    Conflict,

    /// <summary>A retracted story was asked to change status: only an admin's undo does that (UndoRetractionAsync).</summary>
    Retracted,

    /// <summary>The story is not at a stage the action starts from (通过复审 of a draft); nothing was saved.</summary>
    WrongStage,
}

/// <summary>The result of a save: saved (with the new stamp), not found, or refused because someone saved in between.</summary>
public sealed record SaveOutcome(SaveOutcomeKind Kind, int ArticleId, Guid Stamp, ArticleSnapshot? Current = null, string? CurrentSavedBy = null, DateTime? CurrentSavedAt = null);

/// <summary>
/// Every change editors make to an article: save, the review steps (提交, 初审, 复审, 终审, 退回), publish, schedule,
/// unpublish, archive and restore (review moves and working copies: ArticleWorkflow.Review.cs; corrections and
/// retractions: ArticleWorkflow.Notices.cs). Each is one revision
/// holding the whole article (a review step with its comment), refused when the article changed since the editor read
/// it, audited in the same transaction, and followed by evicting the reader pages that could show it. Who may take
/// which step is the pages' [HandlerPolicy]; which step may follow which stage is decided here.
/// </summary>
public sealed partial class ArticleWorkflow(NewsRoomDb db, TimeProvider clock, AuditTrail audit, IOptions<ReviewOptions> review)
{
    /// <summary>Who the scheduler saves revisions as.</summary>
    public const string SchedulerUser = "定时发布";

    public async Task<SaveOutcome> SaveAsync(SaveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().UtcDateTime;
        Article? article;
        if (request.ArticleId is int id)
        {
            article = await LoadAsync(id, cancellationToken);
            if (article is null)
            {
                return new SaveOutcome(SaveOutcomeKind.NotFound, id, Guid.Empty);
            }
            if (request.ExpectedStamp != article.ConcurrencyStamp)
            {
                return await ConflictAsync(article, cancellationToken);
            }
            if (article.Status == ArticleStatus.Retracted && request.Action != WorkflowAction.Save)
            {
                return new SaveOutcome(SaveOutcomeKind.Retracted, id, article.ConcurrencyStamp);
            }
        }
        else
        {
            article = new Article { CreatedAt = now, CreatedBy = request.User, Status = ArticleStatus.Draft };
            db.Articles.Add(article);
        }

        var copy = article.Id == 0 ? null : await db.WorkingCopies.SingleOrDefaultAsync(w => w.ArticleId == article.Id, cancellationToken);
        if (article.Status == ArticleStatus.Published && (request.ThroughReview || copy is not null) && ReviewMove(request.Action) is not null)
        {
            return await SaveWorkingCopyAsync(article, copy, request, now, cancellationToken);
        }

        var statusBefore = article.Id == 0 ? (ArticleStatus?)null : article.Status;
        if (!StartsFrom(request.Action, article.Status))
        {
            db.ChangeTracker.Clear();
            return new SaveOutcome(SaveOutcomeKind.WrongStage, article.Id, article.ConcurrencyStamp);
        }
        await ApplyContentAsync(article, request.Content, cancellationToken);
        var step = ApplyAction(article, request.Action, request.PublishAtUtc, now);
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (copy is not null && request.Action == WorkflowAction.Publish)
        {
            // 终审 of a published story's edit: the reviewed text goes live and the working copy is done.
            db.WorkingCopies.Remove(copy);
            step = step with { Label = "终审发布修改稿" };
        }
        try
        {
            await CommitAsync(article, step.Label, request.User, now, new AuditNote(step.AuditAction, statusBefore, comment), cancellationToken, step.Review, comment);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save slipped in between our read and our write: the database refused ours.
            return await RefusedByRaceAsync(article.Id, cancellationToken);
        }
        return new SaveOutcome(SaveOutcomeKind.Saved, article.Id, article.ConcurrencyStamp);
    }

    /// <summary>Puts the text of an earlier revision back as a new revision; the status stays as it is.</summary>
    public async Task<SaveOutcome> RestoreAsync(int articleId, int revisionId, string user, CancellationToken cancellationToken = default)
    {
        var article = await LoadAsync(articleId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, cancellationToken);
        if (article is null || revision is null)
        {
            return new SaveOutcome(SaveOutcomeKind.NotFound, articleId, Guid.Empty);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await ApplyContentAsync(article, ArticleSnapshot.FromJson(revision.Snapshot), cancellationToken);
        await CommitAsync(article, $"恢复修订 #{revision.Id}", user, now, new AuditNote(AuditActions.ArticleRestored, article.Status, $"修订 #{revision.Id}"), cancellationToken);
        return new SaveOutcome(SaveOutcomeKind.Saved, article.Id, article.ConcurrencyStamp);
    }

    /// <summary>Publishes every scheduled article whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueIds = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in dueIds)
        {
            var article = await LoadAsync(id, cancellationToken);
            if (article is null || article.Status != ArticleStatus.Scheduled)
            {
                continue;
            }
            article.Status = ArticleStatus.Published;
            try
            {
                await CommitAsync(article, "定时发布", SchedulerUser, now, new AuditNote(AuditActions.ArticleScheduledPublished, ArticleStatus.Scheduled, Actor: SchedulerUser), cancellationToken);
                published++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An editor saved it at the same moment; the next round sees their version.
                db.ChangeTracker.Clear();
            }
        }
        return published;
    }

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Articles
            .Include(a => a.Bylines).ThenInclude(b => b.Person)
            .Include(a => a.Regions)
            .Include(a => a.Photos)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>What a save refused by the database's concurrency check answers: the story as it now is, or not found.</summary>
    private async Task<SaveOutcome> RefusedByRaceAsync(int articleId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await LoadAsync(articleId, cancellationToken);
        return current is null
            ? new SaveOutcome(SaveOutcomeKind.NotFound, articleId, Guid.Empty)
            : await ConflictAsync(current, cancellationToken);
    }

    private async Task<SaveOutcome> ConflictAsync(Article current, CancellationToken cancellationToken)
    {
        var last = await db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == current.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.CreatedBy, r.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new SaveOutcome(SaveOutcomeKind.Conflict, current.Id, current.ConcurrencyStamp, ArticleSnapshot.Of(current), last?.CreatedBy, last?.CreatedAt ?? current.UpdatedAt);
    }

    private Step ApplyAction(Article article, WorkflowAction action, DateTime? publishAtUtc, DateTime now)
    {
        switch (action)
        {
            case WorkflowAction.Submit or WorkflowAction.PassFirstReview or WorkflowAction.PassSecondReview or WorkflowAction.Return:
                var (to, step) = ReviewMove(action)!.Value;
                article.Status = to!.Value;
                return step;
            case WorkflowAction.Publish:
                article.Status = ArticleStatus.Published;
                // Keeps the time readers first saw it; a scheduled time still ahead becomes now. A printed story's date is
                // its print day: one whose day is unknown stays undated (日期不详), never dated the day it was republished.
                if ((article.PublishedAt is null && article.ImportKey is null) || article.PublishedAt > now)
                {
                    article.PublishedAt = now;
                }
                return new("发布", AuditActions.ArticlePublished, ReviewStep.Published);
            case WorkflowAction.Schedule:
                article.Status = ArticleStatus.Scheduled;
                article.PublishedAt = publishAtUtc ?? throw new ArgumentException("A schedule needs a time.", nameof(publishAtUtc));
                return new("定时", AuditActions.ArticleScheduled, ReviewStep.Scheduled);
            case WorkflowAction.Unpublish:
                article.Status = ArticleStatus.Draft;
                return new("撤回为草稿", AuditActions.ArticleUnpublished);
            case WorkflowAction.Archive:
                article.Status = ArticleStatus.Archived;
                return new("归档", AuditActions.ArticleArchived);
            default:
                return new(article.Status == ArticleStatus.Draft ? "保存草稿" : "保存", AuditActions.ArticleSaved);
        }
    }

    /// <summary>What the audit trail says of a commit: the action, the status before it, and who when no one is signed in.</summary>
    private sealed record AuditNote(string Action, ArticleStatus? StatusBefore, string? Detail = null, string? Actor = null)
    {
        /// <summary>A story that had no status before this commit is being created by it.</summary>
        public bool IsNew => StatusBefore is null;
    }

    private async Task CommitAsync(Article article, string action, string user, DateTime now, AuditNote note, CancellationToken cancellationToken, ReviewStep? review = null, string? comment = null)
    {
        if (article.Id != 0)
        {
            // The row is updated only while it still carries the stamp we read: a racing save makes ours fail.
            db.Entry(article).Property(a => a.ConcurrencyStamp).OriginalValue = article.ConcurrencyStamp;
        }
        if (article.ImportKey is not null)
        {
            // The importer then asks before it overwrites what an editor touched.
            article.EditedSinceImport = true;
        }
        article.UpdatedAt = now;
        article.ConcurrencyStamp = Guid.NewGuid();
        db.Revisions.Add(new Revision
        {
            Article = article,
            CreatedAt = now,
            CreatedBy = user,
            Action = action,
            Snapshot = ArticleSnapshot.Of(article).ToJson(),
            Review = review,
            Comment = comment,
        });
        // Reader pages (the article, its regions, the feeds) show the change at once: ReaderCacheInterceptor evicts on this save.
        if (article.Id != 0)
        {
            AddAuditEntry(article, note);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        // A new story has its id only once saved; its audit row follows in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        AddAuditEntry(article, note);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void AddAuditEntry(Article article, AuditNote note)
    {
        if (note.IsNew)
        {
            audit.Add(AuditActions.ArticleCreated, summary: article.Headline, articleId: article.Id, actor: note.Actor);
            if (note.Action == AuditActions.ArticleSaved)
            {
                return;
            }
        }
        var status = note.StatusBefore is { } before && before != article.Status
            ? $"{before.ToChinese()} → {article.Status.ToChinese()}"
            : article.Status.ToChinese();
        var summary = string.Join("；", new[] { article.Headline, status, note.Detail }.Where(p => !string.IsNullOrEmpty(p)));
        audit.Add(note.Action, summary: summary, articleId: article.Id, actor: note.Actor);
    }

    private async Task ApplyContentAsync(Article article, ArticleSnapshot content, CancellationToken cancellationToken)
    {
        article.Kind = content.Kind;
        article.Column = content.Column;
        // Bidirectional controls in a title would make it read otherwise than it says (BidiControls).
        article.Kicker = BidiControls.Strip(content.Kicker);
        article.Headline = BidiControls.Strip(content.Headline);
        article.Subheadline = BidiControls.Strip(content.Subheadline);
        article.DisplayTitle = BidiControls.StripToNull(content.DisplayTitle);
        article.DatelinePlace = content.DatelinePlace;
        article.DatelineDate = content.DatelineDate;
        article.DatelineKind = content.DatelineKind;
        article.Body = content.Body;

        // Names as the store keeps them, so "张三" with a bidirectional mark is the same person as without.
        var bylines = content.Bylines
            .Select(b => BidiControls.StripToNull(b.Name) is { } name ? b with { Name = name } : null)
            .OfType<SnapshotByline>()
            .ToList();
        var people = await db.FindOrAddPeopleAsync(bylines.Select(b => b.Name), cancellationToken);

        // Reconciled rather than replaced: a byline or region removed and added back in one save keeps its key.
        var wantedBylines = bylines.DistinctBy(b => (b.Name, b.Role)).ToList();
        article.Bylines.RemoveAll(b => !wantedBylines.Any(w => w.Name == b.Person.Name && w.Role == b.Role));
        for (var i = 0; i < wantedBylines.Count; i++)
        {
            var wanted = wantedBylines[i];
            var byline = article.Bylines.Find(b => b.Person.Name == wanted.Name && b.Role == wanted.Role);
            if (byline is null)
            {
                byline = new ArticleByline { Article = article, Person = people[wanted.Name], Role = wanted.Role };
                article.Bylines.Add(byline);
            }
            byline.Order = i;
        }

        var wantedRegions = content.Regions.DistinctBy(r => r.RegionId).ToList();
        article.Regions.RemoveAll(r => !wantedRegions.Any(w => w.RegionId == r.RegionId));
        for (var i = 0; i < wantedRegions.Count; i++)
        {
            var wanted = wantedRegions[i];
            var region = article.Regions.Find(r => r.RegionId == wanted.RegionId);
            if (region is null)
            {
                region = new ArticleRegion { Article = article, RegionId = wanted.RegionId };
                article.Regions.Add(region);
            }
            region.IsPrimary = wanted.IsPrimary;
            region.Order = i;
        }

        var photos = article.Photos.OrderBy(p => p.Order).ToList();
        for (var i = 0; i < content.Photos.Count; i++)
        {
            var wanted = content.Photos[i];
            var photo = i < photos.Count ? photos[i] : null;
            if (photo is null)
            {
                photo = new Photo { Article = article, Caption = wanted.Caption };
                article.Photos.Add(photo);
            }
            photo.Title = wanted.Title;
            photo.Caption = wanted.Caption;
            photo.Credits = BidiControls.Strip(wanted.Credits);
            photo.Order = i;
        }
        foreach (var extra in photos.Skip(content.Photos.Count))
        {
            article.Photos.Remove(extra);
        }
    }
}
