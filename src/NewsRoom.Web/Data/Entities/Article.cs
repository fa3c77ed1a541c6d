namespace NewsRoom.Web.Data.Entities;

/// <summary>An article, brief or photo news item: imported from a page or written at the desk.</summary>
public class Article
{
    public int Id { get; set; }
    public ArticleKind Kind { get; set; }
    public string? Column { get; set; }
    public string? Kicker { get; set; }
    public string? Headline { get; set; }
    public string? Subheadline { get; set; }

    /// <summary>
    /// The title the desk gave an item the paper printed without one (photo news, a ● brief); never printed, and shown as
    /// such. Null leaves the reader pages to make one from the caption or text (Reader/DisplayTitles).
    /// </summary>
    public string? DisplayTitle { get; set; }
    public string? DatelinePlace { get; set; }
    public string? DatelineDate { get; set; }

    /// <summary>讯 or 电; null when the article has no dateline.</summary>
    public string? DatelineKind { get; set; }

    /// <summary>The body as Markdown: paragraphs separated by blank lines, tables as Markdown tables.</summary>
    public string Body { get; set; } = string.Empty;

    public ArticleStatus Status { get; set; }

    /// <summary>When readers first saw it (UTC); for a scheduled article, when they will.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public int? IssueId { get; set; }
    public Issue? Issue { get; set; }

    /// <summary>0-based order on the page of its issue.</summary>
    public int? PagePosition { get; set; }

    /// <summary>Identifies the item within its issue across re-imports, so ids and links stay stable.</summary>
    public string? ImportKey { get; set; }

    /// <summary>Hash of the parsed item as last imported: a re-import that parses the same gives no change.</summary>
    public string? ImportFingerprint { get; set; }

    /// <summary>Set when an editor changed an imported article; re-import then never overwrites it silently.</summary>
    public bool EditedSinceImport { get; set; }

    /// <summary>Changes on every save; a save carrying an older stamp is a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The region of its primary <see cref="ArticleRegion"/>, or null. Kept by the database's triggers whenever the
    /// article's regions change (migration ArticlePrimaryRegion), never written by the application: a list of one
    /// region's newest articles then reads one index range, where probing every article's regions in reader order
    /// took 160 ms for a league with no other article among 110,000.
    /// </summary>
    public int? PrimaryRegionId { get; private set; }

    public List<ArticleByline> Bylines { get; set; } = [];
    public List<ArticleRegion> Regions { get; set; } = [];
    public List<Photo> Photos { get; set; } = [];
    public List<Revision> Revisions { get; set; } = [];

    /// <summary>The dateline as printed: 本报包头6月2日电.</summary>
    public string? DatelineText => DatelineKind is null ? null : $"本报{DatelinePlace}{DatelineDate}{DatelineKind}";
}

/// <summary>Where a story stands; stored by name, so new stages never renumber the old ones.</summary>
public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Archived,

    /// <summary>待初审: submitted, waiting for an editor's first review.</summary>
    AwaitingFirstReview,

    /// <summary>待复审: passed 初审, waiting for an editor's second review.</summary>
    AwaitingSecondReview,

    /// <summary>待终审: waiting for a chief editor's final review, which publishes or schedules it.</summary>
    AwaitingFinalReview,

    /// <summary>已撤稿: retracted after publication; its address answers 410 with a notice.</summary>
    Retracted,
}
