namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// A public notice on a published story: a 更正 says what it got wrong, a 说明 adds what readers should know. Shown at
/// the top of the story, newest first, and in /corrections; never edited away, as a correction is itself on the record.
/// </summary>
public class Correction
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public CorrectionKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>The day the notice carries, in Beijing time; the desk may date it to the day the error was found.</summary>
    public DateOnly Date { get; set; }

    /// <summary>When it was added (UTC): orders notices of the same day and dates its feed entry.</summary>
    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>Stored by name, as every enum of the store.</summary>
public enum CorrectionKind
{
    /// <summary>更正: the story said something wrong.</summary>
    Correction,

    /// <summary>说明: the story was right but needs a word more.</summary>
    Clarification,
}

/// <summary>
/// One retraction of a story (撤稿): why readers no longer see it, who withdrew it and when, and, once an admin
/// restores it, who undid it and when. A story retracted twice has two rows; the open one (not undone) is its notice.
/// </summary>
public class Retraction
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    /// <summary>The reason as readers read it on the story's 410 notice.</summary>
    public required string PublicReason { get; set; }

    /// <summary>What the newsroom keeps to itself (a complaint's number, a lawyer's advice); never shown to readers.</summary>
    public string? InternalNote { get; set; }

    public DateTime RetractedAt { get; set; }
    public required string RetractedBy { get; set; }
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}
