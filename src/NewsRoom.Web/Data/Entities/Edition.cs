namespace NewsRoom.Web.Data.Entities;

/// <summary>A newspaper: 内蒙古日报, 北方新报, 呼和浩特日报 … Its slug is its address, /papers/{slug}.</summary>
public class Paper
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Stable ASCII address segment (PaperNames): neimenggu-ribao, or paper-{id} for a paper the table does not know.</summary>
    public required string Slug { get; set; }

    /// <summary>The league-level division that 我市 and 首府 mean in a city daily; null for a regional paper.</summary>
    public int? HomeRegionId { get; set; }
    public Region? HomeRegion { get; set; }
    public List<Edition> Editions { get; set; } = [];
}

/// <summary>
/// One printed day of a paper. The pages whose day is unknown are filed in the paper's edition without a day
/// (PrintDate null), never under the day they were imported.
/// </summary>
public class Edition
{
    public int Id { get; set; }
    public int PaperId { get; set; }
    public Paper Paper { get; set; } = null!;
    public DateOnly? PrintDate { get; set; }
    public List<Issue> Pages { get; set; } = [];
}
