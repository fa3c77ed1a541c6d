namespace NewsRoom.Ingest;

internal enum ParaKind
{
    Text,
    Subhead,
    Label,
    Table,
}

/// <summary>A paragraph while the page is being read: still mutable, still knows its line.</summary>
internal sealed class Para(string text, ParaKind kind, int line)
{
    public string Text { get; set; } = text;

    public ParaKind Kind { get; } = kind;

    public int Line { get; } = line;

    /// <summary>A few words ending a sentence that stood alone: the end of some other broken text.</summary>
    public bool Fragment { get; init; }

    /// <summary>Read from a line that looked like a title but was taken for text.</summary>
    public bool TitleLike { get; init; }

    /// <summary>Ends with the credit of its story, so it is the story's last paragraph, not half of one.</summary>
    public bool Credited { get; init; }
}

/// <summary>A photo while the page is being read. A caption can be set in two columns read line by line.</summary>
internal sealed class PhotoDraft
{
    public string? Title { get; set; }

    public List<string> Columns { get; } = [];

    /// <summary>The column whose text stops mid-sentence and waits for its last words, or -1.</summary>
    public int DanglingColumn { get; set; } = -1;

    public List<ParsedByline> Credits { get; } = [];

    public int Line { get; init; }

    /// <summary>A credit printed at the end of the caption line, kept there as printed.</summary>
    public string? PrintedCredit { get; set; }

    public string Caption => string.Concat(Columns);
}

/// <summary>An article, brief or photo while the page is being read.</summary>
internal sealed class Draft(ArticleKind kind, int firstLine)
{
    public ArticleKind Kind { get; set; } = kind;

    public int FirstLine { get; } = firstLine;

    public string? Column { get; set; }

    public string? Kicker { get; set; }

    public string? Headline { get; set; }

    public string? Subheadline { get; set; }

    /// <summary>Place labels printed with the title (九原区 …): tags, not words of the headline.</summary>
    public List<string> Tags { get; } = [];

    public List<ParsedByline> Bylines { get; } = [];

    public ParsedDateline? Dateline { get; set; }

    public List<Para> Body { get; } = [];

    public List<PhotoDraft> Photos { get; } = [];

    public List<string> AsPrinted { get; } = [];

    /// <summary>Text printed above this story's title with no story of its own: this story's, or unplaced.</summary>
    public List<Para> Above { get; } = [];

    public string? Continuation { get; set; }

    /// <summary>For a photo whose caption was set into a story: that story. A photo naming no place is about its subject.</summary>
    public Draft? Host { get; set; }

    /// <summary>Index of the first paragraph after the title, byline or dateline.</summary>
    public int OwnStart { get; set; }

    /// <summary>A byline or dateline opened the story, so it will not end with a credit.</summary>
    public bool HasTopCredit { get; set; }

    /// <summary>Body count when a trailing credit ended the story, or -1.</summary>
    public int ClosedAt { get; set; } = -1;

    public bool Closed => ClosedAt >= 0;

    /// <summary>A column label or a block gap stands between this item and the one before.</summary>
    public bool BoundaryBefore { get; set; }

    /// <summary>The title's and the first paragraphs' bigrams, kept once computed.</summary>
    public int[]? TitleBigrams { get; set; }

    public int[]? LeadBigrams { get; set; }

    public int TextCount => Body.Count(p => p.Kind == ParaKind.Text);

    public void AddBylines(IEnumerable<ParsedByline> bylines)
    {
        foreach (var b in bylines)
        {
            if (!Bylines.Exists(x => x.Name == b.Name))
            {
                Bylines.Add(b);
            }
        }
    }

    public string Title => string.Join(" ", new[] { Kicker, Headline, Subheadline }.Where(s => s is not null));
}
