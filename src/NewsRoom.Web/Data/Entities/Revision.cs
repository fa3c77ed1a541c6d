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
}
