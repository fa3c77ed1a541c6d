namespace NewsRoom.Web.Audit;

/// <summary>
/// The actions the audit trail records: stable codes in the store (filters and exports keep working when a label is
/// reworded), Chinese labels on the page.
/// </summary>
public static class AuditActions
{
    public const string ArticleCreated = "article.created";
    public const string ArticleSaved = "article.saved";
    public const string ArticlePublished = "article.published";
    public const string ArticleScheduled = "article.scheduled";
    public const string ArticleScheduledPublished = "article.scheduled-published";
    public const string ArticleUnpublished = "article.unpublished";
    public const string ArticleArchived = "article.archived";
    public const string ArticleRestored = "article.restored";
    public const string ArticleCorrected = "article.corrected";
    public const string ArticleClarified = "article.clarified";
    public const string ArticleRetracted = "article.retracted";
    public const string ArticleRetractionUndone = "article.retraction-undone";
    public const string ArticleSubmitted = "article.submitted";
    public const string ArticleReviewPassed = "article.review-passed";
    public const string ArticleReturned = "article.returned";
    public const string ArticleLockTakenOver = "article.lock-taken-over";

    public const string AccountCreated = "account.created";
    public const string AccountRoleChanged = "account.role-changed";
    public const string AccountPasswordReset = "account.password-reset";
    public const string AccountLocked = "account.locked";
    public const string AccountUnlocked = "account.unlocked";
    public const string AccountDeleted = "account.deleted";
    public const string AccountTwoFactorReset = "account.two-factor-reset";

    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInRefused = "sign-in.refused";
    public const string SignedOut = "sign-in.signed-out";

    public const string ImportRun = "import.run";
    public const string ImportChoice = "import.choice";
    public const string PageRefiled = "import.page-refiled";

    public const string BackupDownloaded = "backup.downloaded";
    public const string AuditPruned = "audit.pruned";

    public const string MediaUploaded = "media.uploaded";
    public const string MediaAttached = "media.attached";
    public const string MediaDetached = "media.detached";
    public const string MediaDeleted = "media.deleted";

    private static readonly Dictionary<string, string> Labels = new()
    {
        [ArticleCreated] = "新建稿件",
        [ArticleSaved] = "保存稿件",
        [ArticlePublished] = "发布",
        [ArticleScheduled] = "定时发布",
        [ArticleScheduledPublished] = "到时发布",
        [ArticleUnpublished] = "撤回为草稿",
        [ArticleArchived] = "归档",
        [ArticleRestored] = "恢复修订",
        [ArticleCorrected] = "更正",
        [ArticleClarified] = "说明",
        [ArticleRetracted] = "撤稿",
        [ArticleRetractionUndone] = "撤销撤稿",
        [ArticleSubmitted] = "提交审核",
        [ArticleReviewPassed] = "通过审核",
        [ArticleReturned] = "退回",
        [ArticleLockTakenOver] = "接管编辑",
        [AccountCreated] = "新建账户",
        [AccountRoleChanged] = "更改角色",
        [AccountPasswordReset] = "重置密码",
        [AccountLocked] = "锁定账户",
        [AccountUnlocked] = "解锁账户",
        [AccountDeleted] = "删除账户",
        [AccountTwoFactorReset] = "关闭两步验证",
        [SignInSucceeded] = "登录成功",
        [SignInFailed] = "登录失败",
        [SignInRefused] = "登录被限制",
        [SignedOut] = "退出登录",
        [ImportRun] = "导入",
        [ImportChoice] = "导入取舍",
        [PageRefiled] = "更正版面归档",
        [BackupDownloaded] = "下载备份",
        [AuditPruned] = "清理审计记录",
        [MediaUploaded] = "上传图片",
        [MediaAttached] = "配图",
        [MediaDetached] = "取下图片",
        [MediaDeleted] = "删除图片",
    };

    /// <summary>Every action, in the order the filter lists them.</summary>
    public static IReadOnlyCollection<string> All => Labels.Keys;

    public static string LabelOf(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}
