namespace NewsRoom.Web.Desk;

/// <summary>The Chinese words for a story's status and kind, as the desk, its pages and the audit trail say them.</summary>
public static class DeskText
{
    public static string ToChinese(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.Scheduled => "待发布",
        ArticleStatus.Published => "已发布",
        ArticleStatus.Archived => "已归档",
        ArticleStatus.AwaitingFirstReview => "待初审",
        ArticleStatus.AwaitingSecondReview => "待复审",
        ArticleStatus.AwaitingFinalReview => "待终审",
        ArticleStatus.Retracted => "已撤稿",
        _ => status.ToString(),
    };

    public static string ToChinese(this CorrectionKind kind) => kind == CorrectionKind.Correction ? "更正" : "说明";
    public static string ToChinese(this ReviewStep step) => step switch
    {
        ReviewStep.Submitted => "提交审核",
        ReviewStep.PassedFirstReview => "通过初审",
        ReviewStep.PassedSecondReview => "通过复审",
        ReviewStep.Published => "终审发布",
        ReviewStep.Scheduled => "终审定时发布",
        ReviewStep.Returned => "退回",
        _ => step.ToString(),
    };

    public static string ToChinese(this ArticleKind kind) => kind switch
    {
        ArticleKind.Article => "文章",
        ArticleKind.Brief => "简讯",
        _ => "图片新闻",
    };
}
