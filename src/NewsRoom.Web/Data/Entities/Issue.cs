namespace NewsRoom.Web.Data.Entities;

/// <summary>One imported page dump: the original bytes and what the parser made of them.</summary>
public class Issue
{
    public int Id { get; set; }

    /// <summary>The dump's file name; re-importing a file of the same name updates this issue.</summary>
    public required string SourceFileName { get; set; }

    /// <summary>SHA-256 of the original bytes, hex: the same bytes import to no change.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The dump's bytes as received; loaded only when asked for.</summary>
    public IssueOriginal? Original { get; set; }
    public string? Encoding { get; set; }
    public IssueOrigin Origin { get; set; }
    public string? Paper { get; set; }
    public DateOnly? IssueDate { get; set; }
    public int? HomeRegionId { get; set; }
    public Region? HomeRegion { get; set; }
    public DateTime ImportedAt { get; set; }
    public List<string> Warnings { get; set; } = [];
    public List<string> Unplaced { get; set; } = [];
    public List<string> Furniture { get; set; } = [];
    public List<Article> Articles { get; set; } = [];
}

/// <summary>
/// The bytes of an issue's page dump exactly as received, so nothing is ever lost. Kept out of the Issues row: SQLite reads
/// a row's columns in order, so every article page that showed its paper's name walked the 50 KB of bytes before it.
/// </summary>
public class IssueOriginal
{
    public int IssueId { get; set; }
    public Issue Issue { get; set; } = null!;
    public required byte[] Bytes { get; set; }
}

public enum IssueOrigin
{
    Seed,
    Upload,
    CommandLine,
}
