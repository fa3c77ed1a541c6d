namespace NewsRoom.Web.Desk;

/// <summary>The Chinese words for a story's status and kind, as the desk, its pages and the audit trail say them.</summary>
public static class DeskText
{
    public static string ToChinese(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.Scheduled => "待发布",
        ArticleStatus.Published => "已发布",
        _ => "已归档",
    };

    public static string ToChinese(this ArticleKind kind) => kind switch
    {
        ArticleKind.Article => "文章",
        ArticleKind.Brief => "简讯",
        _ => "图片新闻",
    };
}
