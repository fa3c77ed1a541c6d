namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// 修改稿: an edit of a published story on its way through review. Readers keep the published text until 终审 applies
/// this one; then the row is gone. One per story.
/// </summary>
public class WorkingCopy
{
    public int ArticleId { get; set; }

    /// <summary>The edited story as JSON (see ArticleSnapshot), as its last save left it.</summary>
    public required string Snapshot { get; set; }

    /// <summary>Where the edit stands: 草稿 (being written or returned), 待初审, 待复审 or 待终审.</summary>
    public ArticleStatus Stage { get; set; }

    /// <summary>Who began the edit: it is theirs on the desk's 我的稿件.</summary>
    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the edit last changed or moved on (UTC): the desk's queues are oldest first by it.</summary>
    public DateTime UpdatedAt { get; set; }
}
