namespace NewsRoom.Ingest;

/// <summary>
/// What the stages share while one page is read: its lines, the drafts so far, the open column and the story
/// being read, and what was set aside (furniture, unplaced text, warnings).
/// </summary>
internal sealed class PageState
{
    public PageState(string fileName, string text, List<PageLine> lines)
    {
        FileName = fileName;
        Text = text;
        Lines = lines;
        Segmenter = new Segmenter(this);
        Photos = new PhotoReader(this);
        Titles = new TitleStackReader(this);
    }

    public string FileName { get; }
    public string Text { get; }
    public List<PageLine> Lines { get; }
    public List<Draft> Items { get; } = [];
    public List<Draft> Deferred { get; } = [];
    public List<Para> Pending { get; } = [];
    public List<string> Furniture { get; } = [];
    public List<string> Unplaced { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> ColumnsSeen { get; } = [];
    public Draft? Current { get; set; }
    public PhotoDraft? PendingPhoto { get; set; }
    public string? PendingPhotoPrinted { get; set; }
    public string? Column { get; set; }
    public bool ColumnUsed { get; set; }
    public bool BriefColumn { get; set; }
    public bool Boundary { get; set; }
    public bool LastWasStray { get; set; }

    public Segmenter Segmenter { get; }

    public PhotoReader Photos { get; }

    public TitleStackReader Titles { get; }

    // Warnings read "第95行：…"; the number orders them.
    internal static int LineOf(string warning)
    {
        var n = 0;
        for (var i = 1; i < warning.Length && char.IsAsciiDigit(warning[i]); i++)
        {
            n = (n * 10) + (warning[i] - '0');
        }
        return n;
    }

    internal void Warn(int line, string message) => Warnings.Add($"第{line}行：{message}");

    internal void Unplace(int line, string text, string why)
    {
        Unplaced.Add(text);
        Warn(line, why + "，作为未归置文字保留");
    }

    /// <summary>Whether the paragraph under line i repeats most of its words; worked out once, when first asked.</summary>
    internal bool EchoedBelow(int i)
    {
        var l = Lines[i];
        return l.Echoed ??= Next(i) is { Kind: LineKind.Text } next && LineScores.Echoes(l.Text, next.Text);
    }

    internal PageLine? Previous(int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (!Lines[j].Duplicate)
            {
                return Lines[j];
            }
        }
        return null;
    }

    internal PageLine? Next(int i) => NextIndex(i) is var j && j >= 0 ? Lines[j] : null;

    internal int NextIndex(int i)
    {
        for (var j = i + 1; j < Lines.Count; j++)
        {
            if (!Lines[j].Duplicate)
            {
                return j;
            }
        }
        return -1;
    }

    internal void StartNew(Draft? draft)
    {
        Items.AddRange(Deferred);
        Deferred.Clear();
        if (draft is null)
        {
            Current = null;
            return;
        }
        draft.BoundaryBefore = Boundary;
        Boundary = false;
        if (BriefColumn && ColumnUsed && draft.Kind != ArticleKind.Brief)
        {
            // An unbracketed column word names the run of briefs under it, not the story after them.
            RetireColumn();
        }
        if (draft.Column is null && Column is not null)
        {
            draft.Column = Column;
            ColumnUsed = true;
        }
        Items.Add(draft);
        Current = draft;
    }

    internal void OpenColumn(string label)
    {
        RetireColumn();
        Column = label;
        ColumnsSeen.Add(label);
        ColumnUsed = false;
        Boundary = true;
        StartNew(null);
    }

    internal void RetireColumn()
    {
        Column = null;
        BriefColumn = false;
    }

    // Text with no story above it belongs to the story whose title follows, if it reads like that story;
    // decided once the story is read (see ClaimTextAbove).
    internal void UnplacePending()
    {
        Current?.Above.AddRange(Pending);
        if (Current is null)
        {
            foreach (var p in Pending)
            {
                Unplace(p.Line, p.Text, "第一篇稿件之前的文字");
            }
        }
        Pending.Clear();
    }

    internal bool StackHasOwnCredit(int i)
    {
        var j = i;
        while (j < Lines.Count && (Lines[j].Kind == LineKind.Title || Lines[j].Duplicate))
        {
            j++;
        }
        return j < Lines.Count && Lines[j].Kind is LineKind.Byline or LineKind.Dateline;
    }

    // A column label no story ran under is still printed on the page.
    internal void KeepUnusedColumns()
    {
        var used = Items.Select(d => d.Column).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var c in ColumnsSeen.Distinct(StringComparer.Ordinal).Where(c => !used.Contains(c)))
        {
            Furniture.Add(c);
        }
    }
}
