using System.Text;

namespace NewsRoom.Ingest;

/// <summary>
/// Stage 4, segmentation: reads the classified lines top to bottom into drafts of articles, briefs and photos.
/// Title stacks and photo credits, the two places where most decisions are made, have their own readers.
/// </summary>
internal sealed class Segmenter(PageState state)
{
    private readonly PageState _state = state;

    /// <summary>Reads every line into drafts; what is left over at the end of the page is kept as unplaced.</summary>
    public void ReadPage()
    {
        var lines = _state.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var guessed = Credits.GuessedSplits;
            var at = lines[i].Number;
            i = ReadLine(i);
            if (Credits.GuessedSplits != guessed)
            {
                _state.Warn(at, "署名中的姓名连写，已按常见姓氏拆分，请核对");
            }
        }
        _state.Photos.FlushPendingPhoto();
        _state.StartNew(null);
        _state.RetireColumn();
        foreach (var p in _state.Pending)
        {
            _state.Unplace(p.Line, p.Text, "最后一篇稿件之后的文字");
        }
    }

    internal int ReadLine(int i)
    {
        var line = _state.Lines[i];
        if (line.Duplicate)
        {
            return i;
        }
        if (line.GapBefore >= 2)
        {
            _state.Boundary = true;
            if (_state.ColumnUsed)
            {
                _state.Column = null;
            }
        }
        if (line.Text.StartsWith('▲') && line.Text.Length > 1 && _state.Current is { } host)
        {
            // ▲培育秧苗: a caption marked as one belongs to the story it is printed in.
            var caption = new PhotoDraft { Line = line.Number };
            caption.Columns.Add(line.Text[1..].Trim());
            host.Photos.Add(caption);
            return i;
        }
        var wasStray = _state.LastWasStray;
        _state.LastWasStray = false;
        if (line.Kind != LineKind.Title)
        {
            _state.Photos.FlushPendingPhoto();
        }
        switch (line.Kind)
        {
            case LineKind.Label:
                ReadLabel(i, line);
                return i;
            case LineKind.Title:
                return _state.Titles.ReadTitleStack(i);
            case LineKind.Byline:
                ReadByline(i, line);
                return i;
            case LineKind.PhotoCredit:
                var credit = line.PhotoCredit!.Value;
                _state.Photos.ReadPhotoCredit(i, line, string.Empty, credit.Credits);
                return i;
            case LineKind.CreditLine:
                var names = Credits.ReadTrailingCredit(line.Text)!.Value;
                if (_state.Current is null)
                {
                    _state.Unplace(line.Number, line.Text, "署名上方没有稿件");
                    return i;
                }
                _state.Current.AddBylines(names.Credits);
                _state.Current.AsPrinted.Add(line.Text);
                _state.Current.ClosedAt = _state.Current.Body.Count;
                return i;
            case LineKind.Dateline:
                ReadDateline(line);
                return i;
            case LineKind.Brief:
                ReadBrief(line);
                return i;
            case LineKind.TableRow:
                return ReadTable(i);
            case LineKind.Banner:
                _state.Furniture.Add(line.Text);
                return i;
            case LineKind.Furniture:
                _state.Furniture.Add(line.Text);
                return i;
            case LineKind.Jump:
                if (_state.Current is not null)
                {
                    _state.Current.Continuation = line.Text;
                }
                else
                {
                    _state.Furniture.Add(line.Text);
                }
                return i;
            default:
                ReadText(i, line, wasStray);
                return i;
        }
    }

    // Labels of a story's own parts, printed inside it.
    private static readonly HashSet<string> InStoryLabels = new(StringComparer.Ordinal)
    {
        "记者手记", "点评", "短评", "编者按", "编后", "编后语", "链接", "相关链接", "新闻链接", "知识链接", "背景链接", "背景",
        "延伸阅读", "小贴士", "记者观察", "述评", "相关新闻", "数说", "声音",
    };

    internal void ReadLabel(int i, PageLine line)
    {
        var next = _state.Next(i);
        if (next is { Kind: LineKind.Label } && next.GapBefore <= 1)
        {
            // A label right above another is the page's name (【云集】 over 【云观察】).
            _state.Furniture.Add(line.Text);
            return;
        }
        var inStory = InStoryLabels.Contains(line.Text[1..^1]);
        if (_state.Current is not null && next is { Kind: LineKind.Text } && ((next.GapBefore <= 1 && !line.Markdown) || inStory))
        {
            // 【记者手记】, 【点评】: a part of the story above, not a new column.
            _state.Current.Body.Add(new Para(line.Text, ParaKind.Label, line.Number));
            return;
        }
        _state.OpenColumn(line.Text);
    }

    internal void ReadText(int i, PageLine line, bool afterStray)
    {
        var t = line.Text;
        var photo = line.PhotoCredit;
        if (photo is { } p && p.Caption.Length > 0)
        {
            _state.Photos.ReadPhotoCredit(i, line, t, p.Credits);
            return;
        }
        var next = _state.Next(i);
        // A lone short sentence between blocks is the caption of a photo of the story above.
        if (_state.Current is not null && line.GapBefore >= 2 && (next is null || next.GapBefore >= 2 || next.Kind == LineKind.Label)
            && TextRules.CountNonSpace(t) <= 50 && TextRules.EndsSentence(t) && !EndsMidSentence(_state.Current))
        {
            var caption = new PhotoDraft { Line = line.Number };
            caption.Columns.Add(t);
            _state.Current.Photos.Add(caption);
            return;
        }
        if (_state.Current is { Dateline: null } && _state.Current.TextCount == 0 && Credits.ReadSourceLead(t) is { } lead)
        {
            // The line stays as printed, source and all, beside the story's first words.
            _state.Current.AsPrinted.Add(t);
            t = lead.Text;
        }
        if (_state.Current is { } story && story.TextCount > 0 && story.Body[^1] is { Kind: ParaKind.Text } above && TextRules.EndsSentence(above.Text)
            && TitleForms.IsNumberedCrosshead(t))
        {
            story.Body.Add(new Para(TextRules.CollapseSpaces(t), ParaKind.Subhead, line.Number));
            return;
        }
        var credit = Credits.ReadTrailingCredit(t);
        var para = new Para(t, ParaKind.Text, line.Number)
        {
            Fragment = t.Length <= 16 && (afterStray || line.GapBefore >= 2) && TextRules.CountNonSpace(t) <= 8 && TextRules.EndsSentence(t),
            Credited = credit is not null,
        };
        if (_state.Current is null)
        {
            _state.Pending.Add(para);
            return;
        }
        _state.Current.Body.Add(para);
        if (credit is { } c)
        {
            _state.Current.AddBylines(c.Credits);
            _state.Current.ClosedAt = _state.Current.Body.Count;
        }
    }

    // The story's last paragraph stops mid-sentence: what comes next finishes it, wherever the column break put it.
    internal static bool EndsMidSentence(Draft d) =>
        !d.Closed && d.Body.Count > d.OwnStart && d.Body[^1] is { Kind: ParaKind.Text, Credited: false } last && !TextRules.EndsSentence(last.Text);

    // Two or more short finished lines under a title, then a byline that says photos were taken (文/图, …/图, 摄),
    // then the text: captions of a photo spread, not the story's first paragraphs.
    private bool IsPhotoSpreadCredit(Draft d, int i, PageLine line, List<ParsedByline> names) =>
        d is { Kind: ArticleKind.Article, Closed: false, Headline: not null, Bylines.Count: 0, Dateline: null, Photos.Count: 0 }
        && d.Body.Count >= 2 && d.Body.Count == d.TextCount
        && d.Body.All(p => p is { Kind: ParaKind.Text, Credited: false } && TextRules.CountNonSpace(p.Text) <= 40 && TextRules.EndsSentence(p.Text))
        && (names.Exists(n => n.Role == BylineRole.Photographer) || line.Text.Contains('图', StringComparison.Ordinal) || line.Text.Contains('摄', StringComparison.Ordinal))
        && _state.Next(i) is { Kind: LineKind.Text };

    internal void ReadByline(int i, PageLine line)
    {
        // A photo report's credit line (LineContext.PromotePhotoReportCredits) reads as the photo credit it also is.
        var names = Credits.ReadBylineLine(line.Text) ?? line.PhotoCredit!.Value.Credits;
        if (_state.Current is { Kind: ArticleKind.Article, Closed: false } && _state.Current.TextCount == 0 && (_state.Current.Headline is not null || _state.Current.Bylines.Count == 0))
        {
            _state.Current.AddBylines(names);
            _state.Current.AsPrinted.Add(line.Text);
            _state.Current.HasTopCredit = true;
            _state.Current.OwnStart = _state.Current.Body.Count;
            return;
        }
        if (_state.Current is { } spread && IsPhotoSpreadCredit(spread, i, line, names))
        {
            // A photo spread: the captions printed between the title and a "文/图" byline are its photos', and the
            // byline opens the story's text under them.
            foreach (var p in spread.Body)
            {
                var photo = new PhotoDraft { Line = p.Line };
                photo.Columns.Add(p.Text);
                spread.Photos.Add(photo);
            }
            spread.Body.Clear();
            spread.AddBylines(names);
            spread.AsPrinted.Add(line.Text);
            spread.HasTopCredit = true;
            spread.OwnStart = 0;
            return;
        }
        if (_state.Current is { Kind: ArticleKind.Article } && ((_state.Current.Bylines.Count == 0 && _state.Current.Dateline is null) || NothingToHead(i)))
        {
            // A byline printed under its story: "文·摄影/…" closing it, with no text of its own below.
            _state.Current.AddBylines(names);
            _state.Current.AsPrinted.Add(line.Text);
            return;
        }
        var d = new Draft(ArticleKind.Article, line.Number) { HasTopCredit = true };
        d.AddBylines(names);
        d.AsPrinted.Add(line.Text);
        _state.StartNew(d);
        _state.UnplacePending();
    }

    // Under a byline line comes its story's text, or the title it was printed above; when neither follows (the page
    // ends, or a label, a brief, the margin, or a title with its own byline), the byline closes the story above.
    private bool NothingToHead(int i)
    {
        var j = _state.NextIndex(i);
        if (j < 0)
        {
            return true;
        }
        return _state.Lines[j].Kind switch
        {
            LineKind.Text or LineKind.Dateline or LineKind.Byline or LineKind.TableRow or LineKind.PhotoCredit => false,
            LineKind.Title => _state.StackHasOwnCredit(j),
            _ => true,
        };
    }

    internal void ReadDateline(PageLine line)
    {
        ParsedDateline? dateline = null;
        List<ParsedByline> credits;
        string rest;
        string printed;
        if (Credits.ReadDateline(line.Text) is { } m)
        {
            (dateline, credits, rest) = (m.Dateline, [.. m.Credits], m.Rest);
            // Without brackets the dateline runs into the first sentence; keep the line as printed.
            printed = m.Credits.Count > 0 && line.Text.StartsWith("本报", StringComparison.Ordinal) ? line.Text[..(line.Text.Length - m.Rest.Length)].TrimEnd() : line.Text;
        }
        else
        {
            // A paragraph that opens with its credit in brackets and no dateline.
            var opening = Credits.ReadOpeningCredit(line.Text)!.Value;
            (credits, rest, printed) = (opening.Credits, opening.Text, line.Text);
        }
        var d = _state.Current;
        if (d is not { Kind: ArticleKind.Article, Dateline: null, Closed: false } || d.TextCount > 0)
        {
            d = new Draft(ArticleKind.Article, line.Number);
            _state.StartNew(d);
            _state.UnplacePending();
        }
        d.Dateline = dateline;
        d.AddBylines(credits);
        d.HasTopCredit = true;
        d.AsPrinted.Add(printed);
        d.OwnStart = d.Body.Count;
        if (rest.Length > 0)
        {
            var credit = Credits.ReadTrailingCredit(rest);
            d.Body.Add(new Para(rest, ParaKind.Text, line.Number) { Credited = credit is not null });
            if (credit is { } c)
            {
                d.AddBylines(c.Credits);
                d.ClosedAt = d.Body.Count;
            }
        }
    }

    private static readonly char[] BriefMarks = ['●', ' ', '\u3000'];

    internal void ReadBrief(PageLine line)
    {
        var text = line.Text.TrimStart(BriefMarks);
        var d = new Draft(ArticleKind.Brief, line.Number);
        _state.StartNew(d);
        if (Credits.ReadDateline(text) is { } dm && dm.Rest.Length > 0)
        {
            d.Dateline = dm.Dateline;
            d.AddBylines(dm.Credits);
            d.AsPrinted.Add(line.Text);
            text = dm.Rest;
        }
        else if (Credits.ReadOpeningCredit(text) is { } opening)
        {
            d.AddBylines(opening.Credits);
            d.AsPrinted.Add(line.Text);
            text = opening.Text;
        }
        var credit = Credits.ReadTrailingCredit(text);
        d.Body.Add(new Para(text, ParaKind.Text, line.Number) { Credited = credit is not null });
        d.HasTopCredit = true;
        if (credit is { } c)
        {
            d.AddBylines(c.Credits);
            d.ClosedAt = d.Body.Count;
        }
    }

    internal int ReadTable(int i)
    {
        var rows = new List<string[]>();
        var printed = new StringBuilder();
        var first = _state.Lines[i].Number;
        var j = i;
        while (j < _state.Lines.Count && _state.Lines[j].Kind == LineKind.TableRow && (j == i || _state.Lines[j].GapBefore <= 1))
        {
            rows.Add(_state.Lines[j].Raw.Split('\t').Select(c => TextRules.RemoveStraySpaces(c.Trim())).ToArray());
            printed.Append(_state.Lines[j].Raw.Trim()).Append('\n');
            j++;
        }
        var width = rows.Max(r => r.Length);
        var md = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            md.Append('|');
            for (var c = 0; c < width; c++)
            {
                md.Append(' ').Append(c < rows[r].Length ? rows[r][c].Replace("|", "\\|", StringComparison.Ordinal) : string.Empty).Append(" |");
            }
            md.Append('\n');
            if (r == 0)
            {
                md.Append('|');
                for (var c = 0; c < width; c++)
                {
                    md.Append(" --- |");
                }
                md.Append('\n');
            }
        }
        var para = new Para(md.ToString().TrimEnd('\n'), ParaKind.Table, first);
        if (_state.Current is null)
        {
            _state.Unplace(first, para.Text, "表格不属于任何稿件");
            _state.Unplaced.Add(printed.ToString().TrimEnd());
        }
        else
        {
            _state.Current.Body.Add(para);
            _state.Current.AsPrinted.Add(printed.ToString().TrimEnd());
        }
        return j - 1;
    }
}
