using System.Text;

namespace NewsRoom.Ingest;

/// <summary>
/// Reads one page dump top to bottom into drafts, then repairs what the page layout broke: paragraphs split
/// across columns, captions and banners spliced into stories, stories printed before their headlines.
/// </summary>
internal sealed partial class PageReader
{
    private readonly string _fileName;
    private readonly string _text;
    private readonly List<PageLine> _lines = [];
    private readonly List<Draft> _items = [];
    private readonly List<Draft> _deferred = [];
    private readonly List<Para> _pending = [];
    private readonly List<string> _furniture = [];
    private readonly List<string> _unplaced = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _columnsSeen = [];
    private Draft? _current;
    private PhotoDraft? _pendingPhoto;
    private string? _pendingPhotoPrinted;
    private string? _column;
    private bool _columnUsed;
    private bool _briefColumn;
    private bool _boundary;
    private bool _lastWasStray;

    public PageReader(string fileName, string text)
    {
        _fileName = fileName;
        _text = text;
        var gap = 0;
        var number = 0;
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            number++;
            var raw = range.ToString();
            if (string.IsNullOrWhiteSpace(raw.Trim().TrimStart('#')))
            {
                gap++;
                continue;
            }
            _lines.Add(new PageLine(number, raw, gap));
            gap = 0;
        }
    }

    public ParsedIssue Read()
    {
        MarkDuplicates();
        MarkCommaHeadlines();
        DemoteRunOnBylines();
        for (var i = 0; i < _lines.Count; i++)
        {
            var guessed = Credits.GuessedSplits;
            var at = _lines[i].Number;
            i = ReadLine(i);
            if (Credits.GuessedSplits != guessed)
            {
                Warn(at, "署名中的姓名连写，已按常见姓氏拆分，请核对");
            }
        }
        FlushPendingPhoto();
        StartNew(null);
        RetireColumn();
        foreach (var p in _pending)
        {
            Unplace(p.Line, p.Text, "最后一篇稿件之后的文字");
        }
        ClaimTextAbove();
        CompleteDanglingCaptions();
        foreach (var d in _items)
        {
            JoinBrokenParagraphs(d);
        }
        ReturnStoriesToTheirHeadlines();
        DropEmptyItems();
        KeepUnusedColumns();
        var masthead = Masthead.Read(_furniture);
        var facts = IssueFacts.Infer(_text, _items, masthead, Warn);
        var pageLeague = RegionFinder.InnerMongolia.PageLeague(_items.SelectMany(d => d.Body.Select(p => p.Text).Prepend(d.Title)));
        var built = new Dictionary<Draft, ParsedArticle>(ReferenceEqualityComparer.Instance);
        foreach (var d in _items)
        {
            built[d] = Build(d, facts.HomeRegion, pageLeague);
        }
        var articles = _items.Select(d => d.Host is not null && built[d].Regions.Count == 0 && built.TryGetValue(d.Host, out var host)
            ? built[d] with { Regions = host.Regions.Take(1).ToList() }
            : built[d]).ToList();
        // Warnings in page order, whichever pass raised them.
        var warnings = _warnings.Select((w, k) => (w, k)).OrderBy(x => LineOf(x.w)).ThenBy(x => x.k).Select(x => x.w).ToList();
        return new ParsedIssue(_fileName, facts.Paper, facts.HomeRegion, facts.Date, articles, _furniture, _unplaced, warnings)
        {
            Page = masthead.Page,
            PageName = masthead.PageName,
        };
    }

    // Warnings read "第95行：…"; the number orders them.
    private static int LineOf(string warning)
    {
        var n = 0;
        for (var i = 1; i < warning.Length && char.IsAsciiDigit(warning[i]); i++)
        {
            n = (n * 10) + (warning[i] - '0');
        }
        return n;
    }

    private void Warn(int line, string message) => _warnings.Add($"第{line}行：{message}");

    private void Unplace(int line, string text, string why)
    {
        _unplaced.Add(text);
        Warn(line, why + "，作为未归置文字保留");
    }

    // Repeated blocks (the same paragraph recognised twice) appear once: the last copy is kept, since the
    // earlier one is the stray, unless only the earlier one carries the credit.
    private void MarkDuplicates()
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string?[_lines.Count];
        for (var i = 0; i < _lines.Count; i++)
        {
            var l = _lines[i];
            if (l.Kind is not (LineKind.Text or LineKind.Dateline or LineKind.Brief))
            {
                continue;
            }
            var text = Credits.ReadTrailingCredit(l.Text)?.Text ?? l.Text;
            if (text.Length < 30)
            {
                continue;
            }
            var key = TextRules.Squeeze(text);
            keys[i] = key;
            // The copy printed with its credit says more; otherwise the later copy is kept.
            if (!last.TryGetValue(key, out var kept) || _lines[kept].Text.Length <= l.Text.Length)
            {
                last[key] = i;
            }
        }
        for (var i = 0; i < _lines.Count; i++)
        {
            if (keys[i] is { } key && last[key] != i)
            {
                _lines[i].Duplicate = true;
                Warn(_lines[i].Number, $"与第{_lines[last[key]].Number}行重复，保留一次");
            }
        }
    }

    // A headline may hold a comma or end with ！ or ？; a short line like that is one when a byline or
    // dateline comes right after it.
    private void MarkCommaHeadlines()
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            var l = _lines[i];
            if (l.Kind != LineKind.Text || l.Duplicate || l.Text.Length > 40 || TextRules.CountNonSpace(l.Text) < 4
                || l.Text.Contains('。', StringComparison.Ordinal) || !TextRules.ContainsIdeograph(l.Text)
                || TextRules.LastChar(l.Text) is ',' or '，' or '、' or '；' or ';' or '：' or ':' or ')' or '）')
            {
                continue;
            }
            if (Next(i) is { Kind: LineKind.Byline or LineKind.Dateline, GapBefore: <= 1 })
            {
                l.Kind = LineKind.Title;
            }
        }
    }

    // "记者走基层", "记者再走长征路": a reporter's title run into the words after it, over a title, is a column's
    // name; a real byline sets its names apart or hangs from a bullet.
    private void DemoteRunOnBylines()
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            var l = _lines[i];
            if (l.Kind == LineKind.Byline && !l.Text.Any(char.IsWhiteSpace) && l.Text[0] is not ('□' or '●' or '■' or '◆' or '▲' or '★')
                && Next(i) is { Kind: LineKind.Title, GapBefore: <= 1 })
            {
                l.Kind = LineKind.Title;
            }
        }
    }

    private PageLine? Next(int i) => NextIndex(i) is var j && j >= 0 ? _lines[j] : null;

    private int NextIndex(int i)
    {
        for (var j = i + 1; j < _lines.Count; j++)
        {
            if (!_lines[j].Duplicate)
            {
                return j;
            }
        }
        return -1;
    }

    private int ReadLine(int i)
    {
        var line = _lines[i];
        if (line.Duplicate)
        {
            return i;
        }
        if (line.GapBefore >= 2)
        {
            _boundary = true;
            if (_columnUsed)
            {
                _column = null;
            }
        }
        var wasStray = _lastWasStray;
        _lastWasStray = false;
        if (line.Kind != LineKind.Title)
        {
            FlushPendingPhoto();
        }
        switch (line.Kind)
        {
            case LineKind.Label:
                ReadLabel(i, line);
                return i;
            case LineKind.Title:
                return ReadTitleStack(i);
            case LineKind.Byline:
                ReadByline(line);
                return i;
            case LineKind.PhotoCredit:
                var credit = Credits.ReadPhotoCredit(line.Text)!.Value;
                ReadPhotoCredit(i, line, string.Empty, credit.Credits);
                return i;
            case LineKind.CreditLine:
                var names = Credits.ReadTrailingCredit(line.Text)!.Value;
                if (_current is null)
                {
                    Unplace(line.Number, line.Text, "署名上方没有稿件");
                    return i;
                }
                _current.AddBylines(names.Credits);
                _current.AsPrinted.Add(line.Text);
                _current.ClosedAt = _current.Body.Count;
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
                _furniture.Add(line.Text);
                return i;
            case LineKind.Furniture:
                _furniture.Add(line.Text);
                return i;
            case LineKind.Jump:
                if (_current is not null)
                {
                    _current.Continuation = line.Text;
                }
                else
                {
                    _furniture.Add(line.Text);
                }
                return i;
            default:
                ReadText(i, line, wasStray);
                return i;
        }
    }

    private void StartNew(Draft? draft)
    {
        _items.AddRange(_deferred);
        _deferred.Clear();
        if (draft is null)
        {
            _current = null;
            return;
        }
        draft.BoundaryBefore = _boundary;
        _boundary = false;
        if (_briefColumn && _columnUsed && draft.Kind != ArticleKind.Brief)
        {
            // An unbracketed column word names the run of briefs under it, not the story after them.
            RetireColumn();
        }
        if (draft.Column is null && _column is not null)
        {
            draft.Column = _column;
            _columnUsed = true;
        }
        _items.Add(draft);
        _current = draft;
    }

    // Labels of a story's own parts, printed inside it.
    private static readonly HashSet<string> InStoryLabels = new(StringComparer.Ordinal)
    {
        "记者手记", "点评", "短评", "编者按", "编后", "编后语", "链接", "相关链接", "新闻链接", "知识链接", "背景链接", "背景",
        "延伸阅读", "小贴士", "记者观察", "述评", "相关新闻", "数说", "声音",
    };

    private void ReadLabel(int i, PageLine line)
    {
        var next = Next(i);
        if (next is { Kind: LineKind.Label } && next.GapBefore <= 1)
        {
            // A label right above another is the page's name (【云集】 over 【云观察】).
            _furniture.Add(line.Text);
            return;
        }
        var inStory = InStoryLabels.Contains(line.Text[1..^1]);
        if (_current is not null && next is { Kind: LineKind.Text } && ((next.GapBefore <= 1 && !line.Markdown) || inStory))
        {
            // 【记者手记】, 【点评】: a part of the story above, not a new column.
            _current.Body.Add(new Para(line.Text, ParaKind.Label, line.Number));
            return;
        }
        OpenColumn(line.Text);
    }

    private void OpenColumn(string label)
    {
        RetireColumn();
        _column = label;
        _columnsSeen.Add(label);
        _columnUsed = false;
        _boundary = true;
        StartNew(null);
    }

    private void RetireColumn()
    {
        _column = null;
        _briefColumn = false;
    }

    // A column label no story ran under is still printed on the page.
    private void KeepUnusedColumns()
    {
        var used = _items.Select(d => d.Column).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var c in _columnsSeen.Distinct(StringComparer.Ordinal).Where(c => !used.Contains(c)))
        {
            _furniture.Add(c);
        }
    }

    private void ReadText(int i, PageLine line, bool afterStray)
    {
        var t = line.Text;
        var photo = Credits.ReadPhotoCredit(t);
        if (photo is { } p && p.Caption.Length > 0)
        {
            ReadPhotoCredit(i, line, t, p.Credits);
            return;
        }
        var next = Next(i);
        // A lone short sentence between blocks is the caption of a photo of the story above.
        if (_current is not null && line.GapBefore >= 2 && (next is null || next.GapBefore >= 2 || next.Kind == LineKind.Label)
            && TextRules.CountNonSpace(t) <= 50 && TextRules.EndsSentence(t) && !EndsMidSentence(_current))
        {
            var caption = new PhotoDraft { Line = line.Number };
            caption.Columns.Add(t);
            _current.Photos.Add(caption);
            return;
        }
        if (_current is { Dateline: null } && _current.TextCount == 0 && Credits.ReadSourceLead(t) is { } lead)
        {
            // The line stays as printed, source and all, beside the story's first words.
            _current.AsPrinted.Add(t);
            t = lead.Text;
        }
        var credit = Credits.ReadTrailingCredit(t);
        var para = new Para(t, ParaKind.Text, line.Number)
        {
            Fragment = t.Length <= 16 && (afterStray || line.GapBefore >= 2) && TextRules.CountNonSpace(t) <= 8 && TextRules.EndsSentence(t),
            Credited = credit is not null,
        };
        if (_current is null)
        {
            _pending.Add(para);
            return;
        }
        _current.Body.Add(para);
        if (credit is { } c)
        {
            _current.AddBylines(c.Credits);
            _current.ClosedAt = _current.Body.Count;
        }
    }

    // The story's last paragraph stops mid-sentence: what comes next finishes it, wherever the column break put it.
    private static bool EndsMidSentence(Draft d) =>
        !d.Closed && d.Body.Count > d.OwnStart && d.Body[^1] is { Kind: ParaKind.Text, Credited: false } last && !TextRules.EndsSentence(last.Text);

    private void ReadByline(PageLine line)
    {
        var names = Credits.ReadBylineLine(line.Text)!;
        if (_current is { Kind: ArticleKind.Article, Closed: false } && _current.TextCount == 0 && (_current.Headline is not null || _current.Bylines.Count == 0))
        {
            _current.AddBylines(names);
            _current.AsPrinted.Add(line.Text);
            _current.HasTopCredit = true;
            _current.OwnStart = _current.Body.Count;
            return;
        }
        if (_current is { Kind: ArticleKind.Article } && _current.Bylines.Count == 0 && _current.Dateline is null)
        {
            // A byline printed under its story.
            _current.AddBylines(names);
            _current.AsPrinted.Add(line.Text);
            return;
        }
        var d = new Draft(ArticleKind.Article, line.Number) { HasTopCredit = true };
        d.AddBylines(names);
        d.AsPrinted.Add(line.Text);
        StartNew(d);
        UnplacePending();
    }

    private void ReadDateline(PageLine line)
    {
        var m = Credits.ReadDateline(line.Text)!;
        var d = _current;
        if (d is not { Kind: ArticleKind.Article, Dateline: null, Closed: false } || d.TextCount > 0)
        {
            d = new Draft(ArticleKind.Article, line.Number);
            StartNew(d);
            UnplacePending();
        }
        d.Dateline = m.Dateline;
        d.AddBylines(m.Credits);
        d.HasTopCredit = true;
        // Without brackets the dateline runs into the first sentence; keep the line as printed.
        d.AsPrinted.Add(m.Credits.Count > 0 && line.Text.StartsWith("本报", StringComparison.Ordinal) ? line.Text[..(line.Text.Length - m.Rest.Length)].TrimEnd() : line.Text);
        d.OwnStart = d.Body.Count;
        if (m.Rest.Length > 0)
        {
            var credit = Credits.ReadTrailingCredit(m.Rest);
            d.Body.Add(new Para(m.Rest, ParaKind.Text, line.Number) { Credited = credit is not null });
            if (credit is { } c)
            {
                d.AddBylines(c.Credits);
                d.ClosedAt = d.Body.Count;
            }
        }
    }

    private void ReadBrief(PageLine line)
    {
        var text = line.Text.TrimStart('●', ' ', '\u3000');
        var d = new Draft(ArticleKind.Brief, line.Number);
        StartNew(d);
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

    // Text with no story above it belongs to the story whose title follows, if it reads like that story;
    // decided once the story is read (see ClaimTextAbove).
    private void UnplacePending()
    {
        _current?.Above.AddRange(_pending);
        if (_current is null)
        {
            foreach (var p in _pending)
            {
                Unplace(p.Line, p.Text, "第一篇稿件之前的文字");
            }
        }
        _pending.Clear();
    }

    private int ReadTable(int i)
    {
        var rows = new List<string[]>();
        var printed = new StringBuilder();
        var first = _lines[i].Number;
        var j = i;
        while (j < _lines.Count && _lines[j].Kind == LineKind.TableRow && (j == i || _lines[j].GapBefore <= 1))
        {
            rows.Add(_lines[j].Raw.Split('\t').Select(c => TextRules.RemoveStraySpaces(c.Trim())).ToArray());
            printed.Append(_lines[j].Raw.Trim()).Append('\n');
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
        if (_current is null)
        {
            Unplace(first, para.Text, "表格不属于任何稿件");
            _unplaced.Add(printed.ToString().TrimEnd());
        }
        else
        {
            _current.Body.Add(para);
            _current.AsPrinted.Add(printed.ToString().TrimEnd());
        }
        return j - 1;
    }

    private void ReadPhotoCredit(int i, PageLine line, string captionLine, List<ParsedByline> credits)
    {
        var photo = new PhotoDraft { Line = line.Number };
        photo.Credits.AddRange(credits);
        var spliced = false;
        var cur = _current;
        if (captionLine.Length > 0)
        {
            // The credit stays in the caption as printed; the names also become credits.
            var captionText = Credits.ReadPhotoCredit(captionLine)!.Value.Caption;
            photo.PrintedCredit = captionLine[captionText.Length..].Trim();
            captionLine = captionText;
            if (cur is { Kind: ArticleKind.Article, Headline: not null, Bylines.Count: 0, Dateline: null, Photos.Count: 0 } && cur.TextCount == 0 && line.GapBefore <= 1)
            {
                photo.Columns.Add(captionLine);
                MakePhotoNews(cur, photo);
                return;
            }
            photo.Columns.Add(captionLine);
        }
        else
        {
            if (cur is { Kind: ArticleKind.Article, Headline: not null, Bylines.Count: 0, Dateline: null, Photos.Count: 0 }
                && cur.TextCount is >= 1 and <= 3 && cur.Body.All(p => p.Kind == ParaKind.Text) && !CaptionCutsSentence(cur, i))
            {
                SetCaption(photo, cur.Body.Select(p => p.Text).ToList());
                cur.Body.Clear();
                cur.AsPrinted.Add(line.Text);
                MakePhotoNews(cur, photo);
                return;
            }
            var captionLines = new List<string>();
            if (cur is not null)
            {
                var k = cur.Body.Count;
                if (cur.Closed && cur.Body.Count - cur.ClosedAt is >= 1 and <= 3 && cur.Body.Skip(cur.ClosedAt).All(p => p.Kind == ParaKind.Text))
                {
                    // The story ended with its credit: the text after it, however long, can only be this photo's caption.
                    k = cur.ClosedAt;
                }
                while (k > cur.OwnStart && k > Math.Max(cur.ClosedAt, 0) && cur.Body[k - 1] is { Kind: ParaKind.Text, Credited: false } p && TextRules.CountNonSpace(p.Text) <= 40
                    && !(p.TitleLike && k - 2 >= 0 && TextRules.EndsSentence(cur.Body[k - 2].Text)))
                {
                    k--;
                }
                if (cur.Body.Count - k >= 3)
                {
                    // Caption lines share their column's width; a first line of another width is the end of
                    // the story's sentence the caption cut into.
                    var widths = cur.Body.GetRange(k, cur.Body.Count - k - 1).Select(p => TextRules.CountNonSpace(p.Text)).ToList();
                    if (widths.Count >= 2 && widths.Skip(1).All(w => Math.Abs(w - widths[0]) > 2 && Math.Abs(w - widths[1]) <= 2))
                    {
                        k++;
                    }
                }
                if (k == cur.Body.Count && cur.Body.Count > cur.OwnStart && cur.Body.Count >= 2 && cur.Body[^1] is { Kind: ParaKind.Text, Credited: false }
                    && line.GapBefore <= 1 && cur.Body[^2] is { Kind: ParaKind.Text } before && (before.TitleLike || !TextRules.EndsSentence(before.Text)))
                {
                    // One long caption above its credit, cutting into a sentence of the story or under its title.
                    k = cur.Body.Count - 1;
                }
                captionLines.AddRange(cur.Body.Skip(k).Select(p => p.Text));
                cur.Body.RemoveRange(k, cur.Body.Count - k);
                spliced = captionLines.Count > 0;
                if (spliced && k - 1 >= cur.OwnStart && k - 1 >= 1 && cur.Body[k - 1] is { TitleLike: true } title
                    && TextRules.EndsSentence(cur.Body[k - 2].Text))
                {
                    // The photo's title, printed between the story above and the caption.
                    photo.Title = title.Text;
                    cur.Body.RemoveAt(k - 1);
                    spliced = false;
                }
            }
            else
            {
                captionLines.AddRange(_pending.Select(p => p.Text));
                _pending.Clear();
            }
            if (captionLines.Count == 0)
            {
                if (cur is null)
                {
                    Unplace(line.Number, line.Text, "摄影署名没有图片说明");
                }
                else
                {
                    cur.AddBylines(credits);
                    cur.AsPrinted.Add(line.Text);
                }
                return;
            }
            SetCaption(photo, captionLines);
        }
        var nextIndex = NextIndex(i);
        if (nextIndex >= 0 && _lines[nextIndex].Kind == LineKind.Title && !StackHasOwnCredit(nextIndex))
        {
            // A photo printed above the headline of the story it illustrates.
            _pendingPhoto = photo;
            _pendingPhotoPrinted = line.Text;
            return;
        }
        var item = new Draft(ArticleKind.Photo, photo.Line) { Headline = photo.Title };
        item.Photos.Add(photo);
        item.AddBylines(credits);
        item.AsPrinted.Add(line.Text);
        item.ClosedAt = 0;
        if (spliced && cur is not null)
        {
            // A caption spliced into a story: the photo is its own item and the story goes on.
            item.Column = cur.Column;
            item.Host = cur;
            _deferred.Add(item);
            return;
        }
        StartNew(item);
    }

    // A sentence of the story stops, a caption and its credit follow, and the sentence goes on after them: the
    // story is not photo news, the caption was set into it.
    private bool CaptionCutsSentence(Draft story, int creditIndex) =>
        story.Body.Count >= 2 && !TextRules.EndsSentence(story.Body[^2].Text) && TextRules.EndsSentence(story.Body[^1].Text)
        && Next(creditIndex) is { Kind: LineKind.Text, GapBefore: <= 1 };

    // A photo waiting for a headline that turned out not to start a story stands on its own.
    private void FlushPendingPhoto()
    {
        if (_pendingPhoto is null)
        {
            return;
        }
        var item = new Draft(ArticleKind.Photo, _pendingPhoto.Line) { Column = _column };
        item.Photos.Add(_pendingPhoto);
        item.AddBylines(_pendingPhoto.Credits);
        item.AsPrinted.Add(_pendingPhotoPrinted!);
        item.ClosedAt = 0;
        _deferred.Add(item);
        _pendingPhoto = null;
    }

    private static void MakePhotoNews(Draft d, PhotoDraft photo)
    {
        d.Kind = ArticleKind.Photo;
        photo.Title = d.Headline;
        d.Photos.Add(photo);
        d.AddBylines(photo.Credits);
        d.ClosedAt = d.Body.Count;
    }

    // A caption set in two columns and read line by line alternates narrow and wide lines: put each
    // column back together.
    private static void SetCaption(PhotoDraft photo, List<string> lines)
    {
        if (lines.Count >= 3)
        {
            var widths = lines.Select(TextRules.CountNonSpace).ToList();
            var max = widths.Max();
            var narrow = widths.Select(w => w < max * 0.75).ToList();
            var firstWide = narrow.IndexOf(false);
            var lastNarrow = narrow.LastIndexOf(true);
            if (firstWide >= 0 && lastNarrow > firstWide && narrow[0])
            {
                var left = new StringBuilder();
                var right = new StringBuilder();
                for (var k = 0; k < lines.Count; k++)
                {
                    TextRules.AppendBroken(narrow[k] ? left : right, lines[k].Trim());
                }
                photo.Columns.Add(left.ToString());
                photo.Columns.Add(right.ToString());
                if (!TextRules.EndsSentence(photo.Columns[0]))
                {
                    photo.DanglingColumn = 0;
                }
                return;
            }
        }
        var all = new StringBuilder();
        foreach (var l in lines)
        {
            TextRules.AppendBroken(all, l.Trim());
        }
        photo.Columns.Add(all.ToString());
    }

    private bool StackHasOwnCredit(int i)
    {
        var j = i;
        while (j < _lines.Count && (_lines[j].Kind == LineKind.Title || _lines[j].Duplicate))
        {
            j++;
        }
        return j < _lines.Count && _lines[j].Kind is LineKind.Byline or LineKind.Dateline;
    }

    private int ReadTitleStack(int i)
    {
        var stack = new List<PageLine>();
        var at = new List<int>();
        var j = i;
        while (j < _lines.Count && (_lines[j].Duplicate || (_lines[j].Kind == LineKind.Title && (stack.Count == 0 || _lines[j].GapBefore <= 1))))
        {
            if (!_lines[j].Duplicate)
            {
                stack.Add(_lines[j]);
                at.Add(j);
            }
            j++;
        }
        var end = j - 1;
        // A short line repeating words of the story just above is a repeated block, not a kicker.
        while (stack.Count > 0 && _current is not null && RepeatsRecentText(_current, stack[0].Text))
        {
            Warn(stack[0].Number, "与上一篇稿件的文字重复，保留一次");
            stack.RemoveAt(0);
            at.RemoveAt(0);
        }
        if (stack.Count == 0)
        {
            return end;
        }
        var next = end + 1 < _lines.Count ? _lines[end + 1] : null;
        if (stack.Count == 1 && next is { Kind: LineKind.Brief } && TextRules.Squeeze(stack[0].Text) is { Length: >= 2 and <= 6 } word && word.All(TextRules.IsIdeograph))
        {
            // 简讯, 综合, 短波: a word over a run of "●" items is the name of their column, printed without brackets.
            FlushPendingPhoto();
            OpenColumn(word);
            _briefColumn = true;
            return end;
        }
        var cur = _current;
        var strong = cur is null || cur.Closed || cur.Kind != ArticleKind.Article
            || stack.Exists(l => l.Markdown)
            || (_column is not null && !_columnUsed)
            || stack[0].GapBefore >= 2
            || next is { Kind: LineKind.Byline or LineKind.Dateline };
        // A byline or dateline right under the lines vouches for them, however OCR spaced them out.
        var plausible = next is { Kind: LineKind.Byline or LineKind.Dateline } || stack.TrueForAll(l => PlausibleTitle(l.Text));
        if (!plausible && strong && stack.FindLastIndex(l => !PlausibleTitle(l.Text)) is var debris and >= 0 && debris < stack.Count - 1)
        {
            // OCR debris above a title does not take the title down with it: only the debris is stray.
            for (var k = 0; k <= debris; k++)
            {
                Unplace(stack[k].Number, stack[k].Text, "零散字词");
            }
            stack.RemoveRange(0, debris + 1);
            at.RemoveRange(0, debris + 1);
            plausible = true;
        }
        if (!strong || !plausible)
        {
            FlushPendingPhoto();
        }
        if (!plausible)
        {
            for (var k = 0; k < stack.Count; k++)
            {
                if (strong)
                {
                    Unplace(stack[k].Number, stack[k].Text, "零散字词");
                    _lastWasStray = true;
                }
                else
                {
                    ReadText(at[k], stack[k], false);
                    _lastWasStray = true;
                }
            }
            return end;
        }
        if (cur is { Kind: ArticleKind.Article, Headline: null, Closed: false } && cur.TextCount == 0 && cur.Bylines.Count > 0)
        {
            FlushPendingPhoto();
            // A byline printed above its headline.
            ApplyStack(cur, stack);
            cur.OwnStart = cur.Body.Count;
            return end;
        }
        if (!strong && cur is not null && stack.Count == 1 && cur.Body.Count > 0 && cur.Body[^1] is { Kind: ParaKind.Text, Credited: false } open
            && !TextRules.EndsSentence(open.Text) && !IsSlogan(stack[0].Text))
        {
            // The rest of a sentence broken across columns, however short.
            cur.Body.Add(new Para(stack[0].Text, ParaKind.Text, stack[0].Number) { TitleLike = true });
            return end;
        }
        if (!strong && cur is { Headline: null })
        {
            // The title of a story whose first paragraphs were printed above it; when its last line reads like the
            // text under it and not like the story above, that line is the next story's headline.
            var split = StartsNextStory(cur, stack, next);
            ApplyStack(cur, split ? stack.GetRange(0, stack.Count - 1) : stack);
            cur.OwnStart = cur.Body.Count;
            if (!split)
            {
                return end;
            }
            stack = [stack[^1]];
        }
        else if (!strong && cur is not null)
        {
            if (!cur.HasTopCredit)
            {
                // A story without a byline runs until its credit; short lines inside it are its sub-heads,
                // unless they finish a broken sentence or list things as sentences do.
                foreach (var l in stack)
                {
                    var unfinished = cur.Body.Count > 0 && cur.Body[^1] is { Kind: ParaKind.Text, Credited: false } last && !TextRules.EndsSentence(last.Text);
                    cur.Body.Add(unfinished || EnumeratesOutsideQuotes(l.Text)
                        ? new Para(l.Text, ParaKind.Text, l.Number) { TitleLike = true }
                        : new Para(TextRules.CollapseSpaces(l.Text), ParaKind.Subhead, l.Number));
                }
                return end;
            }
            var previous = cur.Body.LastOrDefault(p => p.Kind == ParaKind.Text);
            if (stack.Count == 1 && previous is not null && !TextRules.EndsSentence(previous.Text) && IsSlogan(stack[0].Text)
                && next is { Kind: LineKind.Text or LineKind.Title })
            {
                // "不忘初心 牢记使命" across a sentence of the story: a banner, and the sentence goes on.
                _furniture.Add(stack[0].Text);
                return end;
            }
            if (stack.Count == 1 && (previous is null || TextRules.EndsSentence(previous.Text)) && IsSubhead(cur, stack[0].Text, at[0]))
            {
                cur.Body.Add(new Para(TextRules.CollapseSpaces(stack[0].Text), ParaKind.Subhead, stack[0].Number));
                return end;
            }
            var complete = previous is null || TextRules.EndsSentence(previous.Text);
            // Two or more title lines stacked after a finished paragraph are a kicker and headline, not text.
            var headlineLike = complete && (stack.Count == 1
                ? LooksLikeHeadline(stack[0].Text) || OpensAnotherStory(cur, stack[0], end)
                : !stack.Exists(l => EnumeratesOutsideQuotes(l.Text)));
            if (!headlineLike)
            {
                foreach (var l in stack)
                {
                    cur.Body.Add(new Para(l.Text, ParaKind.Text, l.Number) { TitleLike = true });
                }
                return end;
            }
        }
        // Under a title with no byline, the story's first line may be short and unpunctuated too; one that lists
        // with 、 is text.
        var firstLines = new List<PageLine>();
        while (stack.Count >= 2 && next is not { Kind: LineKind.Byline or LineKind.Dateline } && EnumeratesOutsideQuotes(stack[^1].Text))
        {
            firstLines.Insert(0, stack[^1]);
            stack.RemoveAt(stack.Count - 1);
        }
        var d = new Draft(ArticleKind.Article, stack[0].Number);
        StartNew(d);
        ApplyStack(d, stack);
        foreach (var l in firstLines)
        {
            d.Body.Add(new Para(l.Text, ParaKind.Text, l.Number) { TitleLike = true });
        }
        if (_pendingPhoto is not null)
        {
            d.Photos.Add(_pendingPhoto);
            d.AddBylines(_pendingPhoto.Credits);
            d.AsPrinted.Add(_pendingPhotoPrinted!);
            _pendingPhoto = null;
        }
        UnplacePending();
        return end;
    }

    private static bool StartsNextStory(Draft cur, List<PageLine> stack, PageLine? next)
    {
        if (stack.Count < 2 || next is not { Kind: LineKind.Text })
        {
            return false;
        }
        var last = Bigrams.Of(stack[^1].Text);
        var above = Bigrams.Of(stack.Take(stack.Count - 1).Select(l => l.Text));
        var story = Bigrams.Of(cur.Body.Where(p => p.Kind == ParaKind.Text).Select(p => p.Text));
        var under = Bigrams.Of(next.Text);
        var lastUnder = Bigrams.Recall(under, last);
        return lastUnder >= 0.3 && Bigrams.Recall(story, last) * 2 < lastUnder && Bigrams.Recall(story, above) >= 0.3;
    }

    // A plain line after a finished paragraph is a sub-head or the headline of a story with no byline. It is a
    // headline when the text under it ends with a credit before the next title (a story that opened with a
    // byline does not also close with a credit), or when the paragraph under it repeats its words and the
    // story above does not.
    private bool OpensAnotherStory(Draft cur, PageLine line, int end)
    {
        var firstText = -1;
        for (var j = end + 1; j < _lines.Count && j < end + 40; j++)
        {
            var l = _lines[j];
            if (l.Duplicate)
            {
                continue;
            }
            if (l.Kind is LineKind.CreditLine || (l.Kind is LineKind.Text && Credits.ReadTrailingCredit(l.Text) is not null))
            {
                // A story that opened with a byline does not also close with a credit; otherwise the words decide.
                if (cur.HasTopCredit)
                {
                    return true;
                }
                break;
            }
            if (l.Kind is not (LineKind.Text or LineKind.TableRow or LineKind.Furniture or LineKind.Jump))
            {
                break;
            }
            if (firstText < 0 && l.Kind == LineKind.Text)
            {
                firstText = j;
            }
        }
        if (firstText < 0)
        {
            return false;
        }
        var words = Bigrams.Of(line.Text);
        var title = cur.TitleBigrams ??= Bigrams.Of(cur.Title);
        return words.Length >= 4 && Bigrams.Recall(Bigrams.Of(_lines[firstText].Text), words) >= 0.5 && Bigrams.Recall(title, words) < 0.25;
    }

    private static bool RepeatsRecentText(Draft d, string line)
    {
        var key = TextRules.Squeeze(line);
        if (key.Length < 8)
        {
            return false;
        }
        if (d.Headline is { } h && TextRules.Squeeze(d.Title).Contains(key, StringComparison.Ordinal) && key.Length * 2 >= TextRules.Squeeze(h).Length)
        {
            // The story's own headline printed again (a repeated block).
            return true;
        }
        var seen = 0;
        for (var k = d.Body.Count - 1; k >= 0 && seen < 3; k--, seen++)
        {
            var text = d.Body[k].Text;
            if (text.Length >= key.Length && text.Length <= 20000 && TextRules.Squeeze(text).Contains(key, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // Sub-heads come numbered (一、 （二） 3.) or in a parallel series: they start like the story's headline or
    // like another short line further down the same story.
    private bool IsSubhead(Draft story, string line, int index)
    {
        var t = TextRules.Squeeze(line);
        if (t.Length > 1 && (t[0] is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' && t[1] is '、' or '是'
            || t[0] is '(' or '（' || (char.IsAsciiDigit(t[0]) && t[1] is '.' or '、' or '．')))
        {
            return true;
        }
        var prefix = Prefix(t);
        // Unrelated headlines also start with 我市, 全区 or a place: a series shares a topic word.
        if (prefix.Length < 2 || prefix[0] is '我' or '全' or '本' or '各' || PlaceStarts.Contains(prefix))
        {
            return false;
        }
        if (story.Headline is { } h && Prefix(TextRules.Squeeze(h)) == prefix)
        {
            return true;
        }
        for (var j = index + 1; j < _lines.Count && j < index + 60; j++)
        {
            var l = _lines[j];
            if (l.Kind is LineKind.Byline or LineKind.Dateline or LineKind.Label or LineKind.Brief || l.GapBefore >= 2 || l.Markdown)
            {
                break;
            }
            if (l.Kind == LineKind.Title && (l.Prefix ??= Prefix(TextRules.Squeeze(l.Text))) == prefix && !StackHasOwnCredit(j))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> PlaceStarts = Gazetteer.InnerMongolia.Regions
        .SelectMany(r => r.Aliases.Prepend(r.Name)).Where(n => n.Length >= 2).Select(n => n[..2]).Append("内蒙").Append("自治").ToHashSet(StringComparer.Ordinal);

    // The first two characters that are not quotes: 暖“新”党建 and 暖“新”服务 both give 暖新.
    private static string Prefix(string t)
    {
        Span<char> buffer = stackalloc char[2];
        var n = 0;
        foreach (var c in t)
        {
            if (TextRules.IsIdeograph(c))
            {
                buffer[n++] = c;
                if (n == 2)
                {
                    break;
                }
            }
            else if (!TextRules.IsCjkPunctuation(c) && c != '"')
            {
                break;
            }
        }
        return new string(buffer[..n]);
    }

    // 、 between words outside quotes is how sentences list things; headings rarely do.
    private static bool EnumeratesOutsideQuotes(string t)
    {
        var depth = 0;
        foreach (var c in t)
        {
            switch (c)
            {
                case '“' or '「' or '《' or '(' or '（':
                    depth++;
                    break;
                case '”' or '」' or '》' or ')' or '）':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '、' when depth == 0:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    private static bool IsSlogan(string t)
    {
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts.All(p => p.Length is >= 2 and <= 8 && p.All(TextRules.IsIdeograph));
    }

    // A headline has no one-character words: "扣场 美 新闻" is OCR debris.
    private static bool PlausibleTitle(string t)
    {
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TextRules.CountNonSpace(t) >= 3 && (parts.Length == 1 || parts.All(p => p.Length >= 2));
    }

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("“”「」《》\"");

    // Without a byline to go on, a headline shows itself by its form: two balanced phrases, or quoted words.
    private static bool LooksLikeHeadline(string t)
    {
        var parts = TextRules.TopLevelSegments(t);
        if (parts.Count >= 2 && parts.All(p => TextRules.CountNonSpace(p) >= 3))
        {
            return true;
        }
        return t.AsSpan().IndexOfAny(Quotes) >= 0 && TextRules.CountNonSpace(t) >= 6;
    }

    private void ApplyStack(Draft d, List<PageLine> stack)
    {
        var rows = new List<string>();
        foreach (var l in stack)
        {
            d.AsPrinted.Add(l.Text);
            var t = TextRules.CollapseSpaces(l.Text);
            if (TextRules.TopLevelSegments(t).Exists(seg => seg.Length == 1 && TextRules.IsIdeograph(seg[0])))
            {
                // "乌审旗 牧区 “数字 草原” 建设 见 成效": a headline has no one-character words, so these spaces are OCR's.
                t = TextRules.RemoveStraySpaces(t);
            }
            if (IsPlaceTag(t))
            {
                d.Tags.Add(t);
                continue;
            }
            var segs = TextRules.TopLevelSegments(t);
            if (segs.Count >= 2 && IsPlaceTag(segs[0]))
            {
                d.Tags.Add(segs[0]);
                t = string.Join(" ", segs.Skip(1));
            }
            rows.Add(t);
        }
        if (rows.Count == 0)
        {
            d.Headline = d.Tags[^1];
            d.Tags.RemoveAt(d.Tags.Count - 1);
            return;
        }
        if (rows.Count >= 2 && rows[0].Length <= 6 && rows[0].All(TextRules.IsIdeograph))
        {
            // 特别关注, 地方观察: a column word over the title, kept for the stories that follow.
            d.Column = rows[0];
            RetireColumn();
            _column = rows[0];
            _columnsSeen.Add(rows[0]);
            _columnUsed = true;
            rows.RemoveAt(0);
        }
        else if (rows.Count >= 3 && !rows.Exists(r => r.StartsWith('—') || r.StartsWith('-')))
        {
            // Three lines with no 副题: the top one is a campaign banner over kicker and headline.
            d.Column = rows[0];
            _columnsSeen.Add(rows[0]);
            rows.RemoveAt(0);
        }
        if (rows.Count == 1)
        {
            var (kicker, headline) = SplitOneLine(rows[0]);
            d.Kicker = kicker;
            d.Headline = headline;
            return;
        }
        // 引题 over 主题, 副题 under it; a 副题 is set off with a dash.
        var sub = rows.FindIndex(1, r => r.StartsWith('—') || r.StartsWith('-'));
        var h = sub > 0 ? sub - 1 : rows.Count - 1;
        d.Kicker = h > 0 ? string.Join(" ", rows.Take(h)) : null;
        d.Headline = rows[h];
        d.Subheadline = h < rows.Count - 1 ? string.Join(" ", rows.Skip(h + 1)) : null;
    }

    // One line holding kicker and headline: a kicker is much shorter or much longer than the headline it
    // stands over; two phrases of about the same length are one headline.
    private static (string? Kicker, string Headline) SplitOneLine(string t)
    {
        var segs = TextRules.TopLevelSegments(t);
        if (segs.Count == 2)
        {
            var a = TextRules.CountNonSpace(segs[0]);
            var b = TextRules.CountNonSpace(segs[1]);
            if (Math.Min(a, b) >= 3 && (double)Math.Min(a, b) / Math.Max(a, b) < 0.6)
            {
                return (segs[0], segs[1]);
            }
        }
        else if (segs.Count >= 3 && TextRules.CountNonSpace(segs[0]) is >= 3 and <= 5)
        {
            return (segs[0], string.Join(" ", segs.Skip(1)));
        }
        return (null, t);
    }

    private static readonly HashSet<string> LongAliases =
        Gazetteer.InnerMongolia.Regions.SelectMany(r => r.Aliases).Where(a => a.Length >= 3).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] NotPlaces = ["我市", "本市", "全市", "该市", "我县", "全县", "我旗", "全旗", "我省", "全省", "本省"];

    // 九原区, 海南省: a place printed before or beside the headline as a tag.
    private static bool IsPlaceTag(string s)
    {
        if (s.Length is < 2 or > 10 || !s.All(TextRules.IsIdeograph) || Array.IndexOf(NotPlaces, s) >= 0)
        {
            return false;
        }
        if (Gazetteer.InnerMongolia.ByName(s) is not null || LongAliases.Contains(s))
        {
            return true;
        }
        if (s.Length >= 3 && s[^1] is '省' or '市' or '县' or '旗' or '盟')
        {
            return true;
        }
        // 通辽市科尔沁区: a division printed with the league or city it belongs to.
        for (var k = 2; k <= s.Length - 2; k++)
        {
            if (Gazetteer.InnerMongolia.ByName(s[..k]) is { IsLeagueLevel: true } league && Gazetteer.InnerMongolia.ByName(s[k..]) is { } county
                && county.ParentCode == league.Code)
            {
                return true;
            }
        }
        return false;
    }

}
