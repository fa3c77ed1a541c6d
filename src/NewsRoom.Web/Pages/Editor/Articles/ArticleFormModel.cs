using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor.Articles;

/// <summary>
/// The article form shared by /editor/articles/new and /editor/articles/{id}: every button posts the whole
/// form, so a transition also saves what was typed, and an invalid or refused save shows the form again with
/// everything the editor typed. Each handler carries the policy its step needs ([HandlerPolicy]); a reporter reaches
/// only their own drafts (OwnDraftsFilter).
/// </summary>
public abstract class ArticleFormModel(NewsRoomDb db, ArticleWorkflow workflow, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    /// <summary>The reviewer's comment sent with a review step (审核意见); a return needs one.</summary>
    [BindProperty]
    public string? ReviewComment { get; set; }

    /// <summary>Whether the caller may pass and return stories (编辑 and up).</summary>
    public bool MayReview { get; private set; }

    /// <summary>Whether the caller may publish, schedule and unpublish (总编辑 and up).</summary>
    public bool MayPublish { get; private set; }

    /// <summary>Set when a reviewer returned the story (or its working copy) to its writer.</summary>
    public bool Returned { get; private set; }

    /// <summary>The stage of a published story's edit under review (修改稿), or null when there is none.</summary>
    public ArticleStatus? WorkingCopyStage { get; private set; }

    /// <summary>
    /// Whether the form works on a published story's working copy: there is one, or the caller may not change what
    /// readers see and a save would start one.
    /// </summary>
    public bool EditsWorkingCopy => Status == ArticleStatus.Published && (WorkingCopyStage is not null || !MayPublish);

    /// <summary>The stage the review buttons act on: the working copy's when the form edits one, else the story's.</summary>
    public ArticleStatus? Stage => EditsWorkingCopy ? WorkingCopyStage ?? ArticleStatus.Draft : Status;

    /// <summary>The story's review steps, oldest first: who, when, which step and what they wrote.</summary>
    public IReadOnlyList<ReviewRow> ReviewTrail { get; private set; } = [];

    public int? ArticleId { get; private set; }
    public ArticleStatus? Status { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public bool Imported { get; private set; }
    public bool EditedSinceImport { get; private set; }
    public string? PreviewHtml { get; private set; }

    /// <summary>Set when the save was refused because someone else saved first.</summary>
    public ConflictView? Conflict { get; private set; }

    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];
    public IReadOnlyList<string> PeopleNames { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    protected async Task<IActionResult> ShowAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is int articleId)
        {
            var article = await LoadArticleAsync(articleId, cancellationToken);
            if (article is null)
            {
                return NotFound();
            }
            // An edit of a published story under review is what the form works on; readers still see the article itself.
            var copy = await db.WorkingCopies.AsNoTracking().Where(w => w.ArticleId == articleId).Select(w => w.Snapshot).SingleOrDefaultAsync(cancellationToken);
            Input = ArticleInput.From(copy is null ? ArticleSnapshot.Of(article) : ArticleSnapshot.FromJson(copy), article.ConcurrencyStamp);
        }
        else
        {
            Input = new ArticleInput();
        }
        return await FormAsync(id, cancellationToken);
    }

    [HandlerPolicy(Policies.Desk)]
    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Save, cancellationToken);

    /// <summary>提交审核: the writer (or anyone on the desk) sends a draft to review.</summary>
    [HandlerPolicy(Policies.Desk)]
    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Submit, cancellationToken);

    [HandlerPolicy(Policies.Editor)]
    public Task<IActionResult> OnPostPassFirstReviewAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.PassFirstReview, cancellationToken);

    [HandlerPolicy(Policies.Editor)]
    public Task<IActionResult> OnPostPassSecondReviewAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.PassSecondReview, cancellationToken);

    [HandlerPolicy(Policies.Editor)]
    public Task<IActionResult> OnPostReturnAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Return, cancellationToken);

    /// <summary>终审发布; from any stage, for 总编辑 publishing is the final review (docs/decisions/008).</summary>
    [HandlerPolicy(Policies.ChiefEditor)]
    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Publish, cancellationToken);

    [HandlerPolicy(Policies.ChiefEditor)]
    public Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Schedule, cancellationToken);

    [HandlerPolicy(Policies.ChiefEditor)]
    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Unpublish, cancellationToken);

    [HandlerPolicy(Policies.Editor)]
    public Task<IActionResult> OnPostArchiveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, WorkflowAction.Archive, cancellationToken);

    /// <summary>The preview without JavaScript: the form comes back as typed, with the rendered body.</summary>
    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        PreviewHtml = MarkdownRenderer.ToHtml(Input.Body);
        return await FormAsync(id, cancellationToken);
    }

    /// <summary>The live preview's fragment, fetched by editor.js as the body is typed.</summary>
    [HandlerPolicy(Policies.Desk)]
    public IActionResult OnPostPreviewFragment() => Content(MarkdownRenderer.ToHtml(Input.Body), "text/html; charset=utf-8");

    private static readonly DateTime EarliestSchedule = new(2000, 1, 1);
    private static readonly DateTime LatestSchedule = new(2101, 1, 1);

    private async Task<IActionResult> SaveAsync(int? id, WorkflowAction action, CancellationToken cancellationToken)
    {
        var mayPublish = (await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded;
        if (id is int existing && !await MayChangeAsync(existing, action, mayPublish, cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var knownRegions = await db.Regions.Select(r => r.Id).ToListAsync(cancellationToken);
        Validate(action, knownRegions.ToHashSet());
        if (!ModelState.IsValid)
        {
            return await FormAsync(id, cancellationToken);
        }

        var publishAt = Input.ScheduleAt is DateTime local
            ? DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc)
            : (DateTime?)null;
        var user = User.Identity?.Name ?? "?";
        var request = new SaveRequest(id, Input.ConcurrencyStamp, Input.ToSnapshot(), action, publishAt, user) { Comment = ReviewComment, ThroughReview = !mayPublish };
        var outcome = await workflow.SaveAsync(request, cancellationToken);
        switch (outcome.Kind)
        {
            case SaveOutcomeKind.NotFound:
                return NotFound();
            case SaveOutcomeKind.WrongStage:
                // Someone took the story a step on (or back) since this form was opened; what was typed stays in the form.
                ModelState.AddModelError(string.Empty, "稿件已不在可以这样处理的阶段，请刷新后查看它现在的状态。");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await FormAsync(id, cancellationToken);
            case SaveOutcomeKind.Conflict:
                Conflict = new ConflictView(outcome.Current!, outcome.CurrentSavedBy, outcome.CurrentSavedAt, Input.ToSnapshot());
                // The form keeps the refused text and now carries the current stamp: saving again after merging
                // is a deliberate overwrite, made with both versions in view.
                ModelState.Remove("Input.ConcurrencyStamp");
                Input.ConcurrencyStamp = outcome.Stamp;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await FormAsync(id, cancellationToken);
            case SaveOutcomeKind.Retracted:
                ModelState.AddModelError(string.Empty, "这篇稿件已撤稿，不能在这里发布、撤回或归档：撤销撤稿须由管理员在“更正与撤稿”页操作。");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await FormAsync(id, cancellationToken);
            case SaveOutcomeKind.Saved when action is WorkflowAction.Submit or WorkflowAction.PassFirstReview or WorkflowAction.PassSecondReview or WorkflowAction.Return:
                // The story has moved on to someone else's list (a reporter could not even open it now): back to the desk.
                return Redirect($"/editor?saved={action.ToString().ToLowerInvariant()}&article={outcome.ArticleId}");
            default:
                return Redirect($"/editor/articles/{outcome.ArticleId}?saved={action.ToString().ToLowerInvariant()}");
        }
    }

    private void Validate(WorkflowAction action, HashSet<int> knownRegions)
    {
        // Model binding takes any number for an enum ("-1"); only the kinds and roles there are can be stored and shown.
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "请选择类型");
        }
        for (var i = 0; i < Input.Bylines.Count; i++)
        {
            if (!Enum.IsDefined(Input.Bylines[i].Role))
            {
                ModelState.AddModelError($"Input.Bylines[{i}].Role", "请选择身份");
            }
        }
        // An article needs its headline; photo news and a brief may have been printed without one, and then show the
        // display title. A headline of nothing but invisible direction controls is no headline once they are stripped.
        if (string.IsNullOrWhiteSpace(BidiControls.Strip(Input.Headline)) && (Input.Kind == ArticleKind.Article || !string.IsNullOrWhiteSpace(Input.Headline)))
        {
            ModelState.AddModelError("Input.Headline", "请填写标题");
        }
        // A time the scheduler could never reach (0001-01-01 less eight hours is before the calendar starts) is refused as typed.
        if (Input.ScheduleAt is DateTime scheduled && (scheduled < EarliestSchedule || scheduled > LatestSchedule))
        {
            ModelState.AddModelError("Input.ScheduleAt", "发布时间应在 2000 年到 2100 年之间");
        }
        if (Input.DatelineKind is not (null or "" or "讯" or "电"))
        {
            ModelState.AddModelError("Input.DatelineKind", "电头只能是“讯”或“电”");
        }
        // A wire dateline (本报包头6月2日电) always names a place and a day; a 讯 may name neither (本报讯, 本报6月2日讯:
        // the paper's own town goes without saying), as imported stories show.
        else if (Input.DatelineKind == "电")
        {
            if (string.IsNullOrWhiteSpace(Input.DatelinePlace))
            {
                ModelState.AddModelError("Input.DatelinePlace", "电稿请填写发电地点");
            }
            if (string.IsNullOrWhiteSpace(Input.DatelineDate))
            {
                ModelState.AddModelError("Input.DatelineDate", "电稿请填写发电日期");
            }
        }

        var seenBylines = new HashSet<(string, Ingest.BylineRole)>();
        for (var i = 0; i < Input.Bylines.Count; i++)
        {
            var b = Input.Bylines[i];
            if (!string.IsNullOrWhiteSpace(b.Name) && !seenBylines.Add((b.Name.Trim(), b.Role)))
            {
                ModelState.AddModelError($"Input.Bylines[{i}].Name", "同一人同一身份只能署名一次");
            }
        }

        var seenRegions = new HashSet<int>();
        var primaries = 0;
        for (var i = 0; i < Input.Regions.Count; i++)
        {
            var r = Input.Regions[i];
            if (r.RegionId is not int regionId)
            {
                continue;
            }
            if (!knownRegions.Contains(regionId))
            {
                ModelState.AddModelError($"Input.Regions[{i}].RegionId", "没有这个地区");
            }
            else if (!seenRegions.Add(regionId))
            {
                ModelState.AddModelError($"Input.Regions[{i}].RegionId", "地区重复");
            }
            if (r.IsPrimary && ++primaries > 1)
            {
                ModelState.AddModelError($"Input.Regions[{i}].IsPrimary", "只能有一个主要地区");
            }
        }

        for (var i = 0; i < Input.Photos.Count; i++)
        {
            var p = Input.Photos[i];
            if (!p.IsBlank && string.IsNullOrWhiteSpace(p.Caption))
            {
                ModelState.AddModelError($"Input.Photos[{i}].Caption", "请填写图片说明");
            }
        }

        if (action == WorkflowAction.Return && string.IsNullOrWhiteSpace(ReviewComment))
        {
            ModelState.AddModelError(nameof(ReviewComment), "退回时请写明原因");
        }
        if (ReviewComment is { Length: > ReviewOptions.CommentMaxLength })
        {
            ModelState.AddModelError(nameof(ReviewComment), $"审核意见不能超过 {ReviewOptions.CommentMaxLength} 个字");
        }

        if (action == WorkflowAction.Schedule)
        {
            var nowInChina = clock.GetUtcNow().UtcDateTime + ChinaTime.Offset;
            if (Input.ScheduleAt is not DateTime at)
            {
                ModelState.AddModelError("Input.ScheduleAt", "请填写发布时间");
            }
            else if (at <= nowInChina)
            {
                ModelState.AddModelError("Input.ScheduleAt", "发布时间应在现在之后");
            }
        }
    }

    private async Task<IActionResult> FormAsync(int? id, CancellationToken cancellationToken)
    {
        ArticleId = id;
        MayReview = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        MayPublish = (await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded;
        if (id is int articleId)
        {
            var state = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
                .Select(a => new
                {
                    a.Status,
                    a.PublishedAt,
                    Imported = a.ImportKey != null,
                    a.EditedSinceImport,
                    Returned = (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Published)
                        && a.Revisions.Where(r => r.Review != null).OrderByDescending(r => r.Id).Select(r => r.Review).FirstOrDefault() == ReviewStep.Returned,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                return NotFound();
            }
            (Status, PublishedAt, Imported, EditedSinceImport, Returned) = (state.Status, state.PublishedAt, state.Imported, state.EditedSinceImport, state.Returned);
            WorkingCopyStage = await db.WorkingCopies.AsNoTracking().Where(w => w.ArticleId == articleId).Select(w => (ArticleStatus?)w.Stage).SingleOrDefaultAsync(cancellationToken);
            ReviewTrail = await db.Revisions.AsNoTracking()
                .Where(r => r.ArticleId == articleId && r.Review != null)
                .OrderBy(r => r.Id)
                .Select(r => new ReviewRow(r.CreatedAt, r.CreatedBy, r.Review!.Value, r.Comment))
                .ToListAsync(cancellationToken);
            if (Input.ScheduleAt is null && state.Status == ArticleStatus.Scheduled && state.PublishedAt is DateTime at)
            {
                Input.ScheduleAt = at + ChinaTime.Offset;
            }
        }
        RegionChoices = await EditorChoices.RegionsAsync(db, cancellationToken);
        PeopleNames = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        // Blank rows to fill in: the form works without script to add rows.
        Pad(Input.Bylines, 2, 3);
        Pad(Input.Regions, 1, 2);
        Pad(Input.Photos, 1, 1);
        return Page();
    }

    private static void Pad<T>(List<T> rows, int blank, int minimum)
        where T : new()
    {
        var target = Math.Max(rows.Count + blank, minimum);
        while (rows.Count < target)
        {
            rows.Add(new T());
        }
    }

    /// <summary>
    /// Whether the caller may take the action at the story's present stage. What readers see changes only with
    /// 总编辑's sign-off (docs/decisions/008-three-level-review.md): below it, a published story is edited and reviewed
    /// through its working copy (save and the review steps), and a scheduled one is left alone.
    /// </summary>
    private async Task<bool> MayChangeAsync(int id, WorkflowAction action, bool mayPublish, CancellationToken cancellationToken)
    {
        var status = await db.Articles.Where(a => a.Id == id).Select(a => (ArticleStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        return mayPublish || status switch
        {
            ArticleStatus.Scheduled => false,
            ArticleStatus.Published => action is WorkflowAction.Save or WorkflowAction.Submit or WorkflowAction.PassFirstReview or WorkflowAction.PassSecondReview or WorkflowAction.Return,
            _ => true,
        };
    }

    protected Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.Articles.AnyAsync(a => a.Id == id, cancellationToken);

    private Task<Article?> LoadArticleAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Include(a => a.Bylines).ThenInclude(b => b.Person)
            .Include(a => a.Regions)
            .Include(a => a.Photos)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
}

/// <summary>One step of a story's review, as its desk page lists it.</summary>
public sealed record ReviewRow(DateTime At, string? By, ReviewStep Step, string? Comment);

/// <summary>A refused save: the version someone else saved, and the editor's own text, both to copy from.</summary>
public sealed record ConflictView(ArticleSnapshot Current, string? SavedBy, DateTime? SavedAt, ArticleSnapshot Refused);
