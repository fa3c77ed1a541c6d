using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor;

/// <summary>
/// The desk: 我的稿件 (the caller's stories not yet out), 等我处理 (the review stage the caller's role answers for), both
/// oldest first, and below them every story with filters. A reporter sees only their own.
/// </summary>
public class IndexModel(NewsRoomDb db, IAuthorizationService authorization) : PageModel
{
    private const int PageSize = 200;
    private const int QueueSize = 100;

    /// <summary>The stages a story is in while its writer or a reviewer still works on it.</summary>
    private static readonly ArticleStatus[] InProgress =
        [ArticleStatus.Draft, ArticleStatus.AwaitingFirstReview, ArticleStatus.AwaitingSecondReview, ArticleStatus.AwaitingFinalReview, ArticleStatus.Scheduled];

    /// <summary>The step just taken (submit, passfirstreview …), for the notice after a review step.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public bool MayReview { get; private set; }

    /// <summary>The queues head the plain desk; a filtered one is a search of every story, and shows its results alone.</summary>
    public bool ShowQueues => Status is null && Region is null && Kind is null && string.IsNullOrWhiteSpace(Q);
    public IReadOnlyList<QueueRow> MyStories { get; private set; } = [];
    public IReadOnlyList<QueueRow> WaitingForMe { get; private set; } = [];

    /// <summary>The stages 等我处理 lists: 待初审 and 待复审 for 编辑, 待终审 for 总编辑 and 管理员.</summary>
    public IReadOnlyList<ArticleStatus> MyStages { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public ArticleStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public ArticleKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<DeskRow> Articles { get; private set; } = [];
    public IReadOnlyDictionary<ArticleStatus, int> Counts { get; private set; } = new Dictionary<ArticleStatus, int>();
    public IReadOnlyList<RegionChoice> Regions { get; private set; } = [];
    public bool MoreThanShown { get; private set; }

    [HandlerPolicy(Policies.Desk)]
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.Identity?.Name;
        MayReview = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        MyStages = (await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded ? [ArticleStatus.AwaitingFinalReview]
            : MayReview ? [ArticleStatus.AwaitingFirstReview, ArticleStatus.AwaitingSecondReview]
            : [];
        // A reporter's desk is their own stories.
        Mine |= !MayReview;
        // A published story's edit under review (its working copy) is in the queues by the copy's writer and stage.
        MyStories = await QueueAsync(
            db.Articles.Where(a => (a.CreatedBy == me && InProgress.Contains(a.Status)) || db.WorkingCopies.Any(w => w.ArticleId == a.Id && w.CreatedBy == me)),
            cancellationToken);
        var stages = MyStages.ToList();
        WaitingForMe = stages.Count == 0 ? [] : await QueueAsync(
            db.Articles.Where(a => stages.Contains(a.Status) || db.WorkingCopies.Any(w => w.ArticleId == a.Id && stages.Contains(w.Stage))),
            cancellationToken);

        var query = db.Articles.AsNoTracking();
        if (Mine)
        {
            query = query.Where(a => a.CreatedBy == me);
        }
        if (Region is int region)
        {
            // A league's filter includes its banners and counties.
            query = query.Where(a => a.Regions.Any(r => r.RegionId == region || r.Region.ParentId == region));
        }
        if (Kind is ArticleKind kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(a => a.Headline != null && a.Headline.Contains(q));
        }

        Counts = await query.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (Status is ArticleStatus status)
        {
            query = query.Where(a => a.Status == status);
        }
        var rows = await query
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new DeskRow(
                a.Id,
                a.Headline,
                a.Kind,
                a.Status,
                a.PublishedAt,
                a.UpdatedAt,
                // An imported story was written by the people its byline names, not by the import ("seed",
                // "command-line"): the first of them, or 导入 for an uncredited brief.
                a.ImportKey == null ? a.CreatedBy : a.Bylines.OrderBy(b => b.Order).Select(b => b.Person.Name).FirstOrDefault() ?? ImportedAuthor,
                a.Regions.Where(r => r.IsPrimary).Select(r => r.Region.Name).FirstOrDefault(),
                a.ImportKey != null))
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        MoreThanShown = rows.Count > PageSize;
        Articles = rows.Take(PageSize).ToList();
        Regions = await EditorChoices.RegionsAsync(db, cancellationToken);
    }

    /// <summary>A queue, oldest first: the story that has waited longest in its stage (its last change) leads.</summary>
    private async Task<List<QueueRow>> QueueAsync(IQueryable<Article> stories, CancellationToken cancellationToken)
    {
        var rows = await stories.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.Headline,
                a.Status,
                a.CreatedBy,
                a.UpdatedAt,
                CopyStage = db.WorkingCopies.Where(w => w.ArticleId == a.Id).Select(w => (ArticleStatus?)w.Stage).FirstOrDefault(),
                CopyBy = db.WorkingCopies.Where(w => w.ArticleId == a.Id).Select(w => w.CreatedBy).FirstOrDefault(),
                CopySince = db.WorkingCopies.Where(w => w.ArticleId == a.Id).Select(w => (DateTime?)w.UpdatedAt).FirstOrDefault(),
                LastStep = a.Revisions.Where(r => r.Review != null).OrderByDescending(r => r.Id).Select(r => r.Review).FirstOrDefault(),
            })
            .OrderBy(x => x.CopySince ?? x.UpdatedAt).ThenBy(x => x.Id)
            .Take(QueueSize)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new QueueRow(
                x.Id,
                x.Headline,
                x.Status,
                x.CopyStage,
                (x.CopyStage ?? x.Status) == ArticleStatus.Draft && x.LastStep == ReviewStep.Returned,
                x.CopyStage is null ? x.CreatedBy : x.CopyBy,
                x.CopySince ?? x.UpdatedAt))
            .ToList();
    }

    public string StatusLink(ArticleStatus? status) =>
        Url.Page("/Editor/Index", new { status, mine = Mine ? true : (bool?)null, region = Region, kind = Kind, q = Q })!;

    /// <summary>The author shown for an imported story that credits no one.</summary>
    public const string ImportedAuthor = "导入";

    public sealed record QueueRow(int Id, string? Headline, ArticleStatus Status, ArticleStatus? WorkingCopyStage, bool Returned, string? Writer, DateTime Since);

    public sealed record DeskRow(int Id, string? Headline, ArticleKind Kind, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, string? Author, string? Region, bool Imported);
}
