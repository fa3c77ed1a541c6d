namespace NewsRoom.Web.Data.Entities;

/// <summary>A photo caption with its credit line, as the paper printed it.</summary>
public class Photo
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public string? Title { get; set; }
    public required string Caption { get; set; }

    /// <summary>The photographers' names, space-separated, as credited.</summary>
    public string? Credits { get; set; }
    public int Order { get; set; }

    /// <summary>The picture itself, once one is attached at the desk; imported captions have none until then.</summary>
    public int? MediaImageId { get; set; }
    public MediaImage? MediaImage { get; set; }

    /// <summary>The story's lead image: shown above the text, eagerly, and given to link previews.</summary>
    public bool IsLead { get; set; }
}
