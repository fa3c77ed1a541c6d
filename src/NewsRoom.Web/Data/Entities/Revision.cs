namespace NewsRoom.Web.Data.Entities;

/// <summary>A saved state of an article: the whole article as JSON, who saved it and when.</summary>
public class Revision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>What happened: 导入, 保存草稿, 发布 …</summary>
    public string? Action { get; set; }

    /// <summary>The article as JSON (see ArticleSnapshot).</summary>
    public required string Snapshot { get; set; }

    /// <summary>The review step this revision took (提交, 初审, 复审, 终审, 退回), or null for a plain save.</summary>
    public ReviewStep? Review { get; set; }

    /// <summary>What the reviewer wrote with the step; required of a return.</summary>
    public string? Comment { get; set; }
}

/// <summary>A step of 三审, kept on the revision it made; stored by name.</summary>
public enum ReviewStep
{
    /// <summary>提交审核: the writer sends the story to review.</summary>
    Submitted,

    /// <summary>通过初审.</summary>
    PassedFirstReview,

    /// <summary>通过复审.</summary>
    PassedSecondReview,

    /// <summary>终审发布: the final review publishes the story.</summary>
    Published,

    /// <summary>终审定时: the final review schedules the story.</summary>
    Scheduled,

    /// <summary>
    /// 退回: back to its writer as a draft, with a comment. A draft whose latest step is this one is shown as returned
    /// (the article keeps no flag of its own: its table is rebuilt by SQLite on every column change, triggers and all).
    /// </summary>
    Returned,
}
