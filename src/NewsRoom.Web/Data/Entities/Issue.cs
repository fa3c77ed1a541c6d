namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// One imported page dump, which is one page of one edition: the original bytes, what the parser made of them, and where
/// the page is filed (its edition, 版次 and 版名). Its stories are its articles in print order (PagePosition).
/// </summary>
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

    /// <summary>The division 我市 and 首府 mean on this page, as the parser read it (a city daily's home).</summary>
    public int? HomeRegionId { get; set; }
    public Region? HomeRegion { get; set; }

    /// <summary>The edition the page belongs to: its paper and print day.</summary>
    public int EditionId { get; set; }
    public Edition Edition { get; set; } = null!;

    /// <summary>The 版次 printed on the page (第3版 is 3); null when neither the page nor an admin says it.</summary>
    public int? PageNumber { get; set; }

    /// <summary>The 版名 printed with it (要闻, 地方 …), or null.</summary>
    public string? PageName { get; set; }

    /// <summary>Set when an admin filed the page by hand: a later import of the same page keeps the admin's filing.</summary>
    public bool FiledByAdmin { get; set; }

    /// <summary>
    /// Hash of the page's text as the parser read it, whatever its file name or encoding (PageIdentity): the same page
    /// uploaded again as a GB18030 or renamed copy is recognised by it when its paper, day and 版次 are not all known.
    /// </summary>
    public string? TextHash { get; set; }
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
