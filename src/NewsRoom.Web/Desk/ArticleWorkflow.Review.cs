using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Desk;

/// <summary>The review side of the workflow: which step may follow which stage, where each step leads, and working copies.</summary>
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Whether the action may start from the story's stage. 总编辑 may publish or schedule from any stage (their
    /// publishing is itself the 终审); a retracted story comes back only through its own page.
    /// </summary>
    private static bool StartsFrom(WorkflowAction action, ArticleStatus status) => action switch
    {
        WorkflowAction.Save => true,
        WorkflowAction.Submit => status == ArticleStatus.Draft,
        WorkflowAction.PassFirstReview => status == ArticleStatus.AwaitingFirstReview,
        WorkflowAction.PassSecondReview => status == ArticleStatus.AwaitingSecondReview,
        WorkflowAction.Return => status is ArticleStatus.AwaitingFirstReview or ArticleStatus.AwaitingSecondReview or ArticleStatus.AwaitingFinalReview,
        _ => status != ArticleStatus.Retracted,
    };

    /// <summary>What a commit did: its revision's label, its audit action and the review step it took, if any.</summary>
    private sealed record Step(string Label, string AuditAction, ReviewStep? Review = null);

    /// <summary>
    /// Where a review action takes a story (or a working copy), with the step it records: the levels setting decides
    /// which stage a submission and a passed 初审 go to. A plain save keeps the stage (To is null); other actions are no
    /// review move (null).
    /// </summary>
    private (ArticleStatus? To, Step Step)? ReviewMove(WorkflowAction action)
    {
        var levels = review.Value.Levels;
        return action switch
        {
            WorkflowAction.Save => (null, new("保存", AuditActions.ArticleSaved)),
            WorkflowAction.Submit => (levels == 1 ? ArticleStatus.AwaitingFinalReview : ArticleStatus.AwaitingFirstReview, new("提交审核", AuditActions.ArticleSubmitted, ReviewStep.Submitted)),
            WorkflowAction.PassFirstReview => (levels >= 3 ? ArticleStatus.AwaitingSecondReview : ArticleStatus.AwaitingFinalReview, new("通过初审", AuditActions.ArticleReviewPassed, ReviewStep.PassedFirstReview)),
            WorkflowAction.PassSecondReview => (ArticleStatus.AwaitingFinalReview, new("通过复审", AuditActions.ArticleReviewPassed, ReviewStep.PassedSecondReview)),
            WorkflowAction.Return => (ArticleStatus.Draft, new("退回", AuditActions.ArticleReturned, ReviewStep.Returned)),
            _ => null,
        };
    }

    /// <summary>
    /// An edit of a published story by someone who may not change what readers see: the text goes to the story's working
    /// copy, which moves through the same stages as a new story; readers keep the published text until 终审. Each step
    /// is a revision (labelled 修改稿) and an audit row, and takes a new stamp, so a stale form is refused as ever.
    /// </summary>
    private async Task<SaveOutcome> SaveWorkingCopyAsync(Article article, WorkingCopy? copy, SaveRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var stageBefore = copy?.Stage ?? ArticleStatus.Draft;
        if (!StartsFrom(request.Action, stageBefore))
        {
            db.ChangeTracker.Clear();
            return new SaveOutcome(SaveOutcomeKind.WrongStage, article.Id, article.ConcurrencyStamp);
        }
        var (to, step) = ReviewMove(request.Action)!.Value;
        if (copy is null)
        {
            copy = new WorkingCopy { ArticleId = article.Id, Snapshot = string.Empty, CreatedBy = request.User, CreatedAt = now };
            db.WorkingCopies.Add(copy);
        }
        var snapshot = request.Content.ToJson();
        copy.Snapshot = snapshot;
        copy.Stage = to ?? stageBefore;
        copy.UpdatedAt = now;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        db.Entry(article).Property(a => a.ConcurrencyStamp).OriginalValue = article.ConcurrencyStamp;
        article.ConcurrencyStamp = Guid.NewGuid();
        if (article.ImportKey is not null)
        {
            // A reviewed edit is on its way: the importer asks before it overwrites the story.
            article.EditedSinceImport = true;
        }
        db.Revisions.Add(new Revision
        {
            Article = article,
            CreatedAt = now,
            CreatedBy = request.User,
            Action = "修改稿：" + step.Label,
            Snapshot = snapshot,
            Review = step.Review,
            Comment = comment,
        });
        var stages = stageBefore == copy.Stage ? copy.Stage.ToChinese() : $"{stageBefore.ToChinese()} → {copy.Stage.ToChinese()}";
        var summary = string.Join("；", new[] { article.Headline, $"已发布稿的修改稿：{stages}", comment }.Where(p => !string.IsNullOrEmpty(p)));
        audit.Add(step.AuditAction, summary: summary, articleId: article.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefusedByRaceAsync(article.Id, cancellationToken);
        }
        return new SaveOutcome(SaveOutcomeKind.Saved, article.Id, article.ConcurrencyStamp);
    }
}
