namespace NewsRoom.Ingest;

/// <summary>Stage 4a: a stack of title-like lines is a new story's column, kicker, headline and subheadline, a sub-head, or text.</summary>
internal sealed class TitleStackReader(PageState state)
{
    private readonly PageState _state = state;

    internal int ReadTitleStack(int i)
    {
        var stack = new List<PageLine>();
        var at = new List<int>();
        var j = i;
        while (j < _state.Lines.Count && (_state.Lines[j].Duplicate || (_state.Lines[j].Kind == LineKind.Title && (stack.Count == 0 || _state.Lines[j].GapBefore <= 1))))
        {
            if (!_state.Lines[j].Duplicate)
            {
                stack.Add(_state.Lines[j]);
                at.Add(j);
            }
            j++;
        }
        var end = j - 1;
        // A short line repeating words of the story just above is a repeated block, not a kicker.
        while (stack.Count > 0 && _state.Current is not null && RepeatsRecentText(_state.Current, stack[0].Text))
        {
            _state.Warn(stack[0].Number, "与上一篇稿件的文字重复，保留一次");
            stack.RemoveAt(0);
            at.RemoveAt(0);
        }
        if (stack.Count == 0)
        {
            return end;
        }
        var next = end + 1 < _state.Lines.Count ? _state.Lines[end + 1] : null;
        if (stack.Count == 1 && next is { Kind: LineKind.Brief } && TextRules.Squeeze(stack[0].Text) is { Length: >= 2 and <= 6 } word && word.All(TextRules.IsIdeograph))
        {
            // 简讯, 综合, 短波: a word over a run of "●" items is the name of their column, printed without brackets.
            _state.Photos.FlushPendingPhoto();
            _state.OpenColumn(word);
            _state.BriefColumn = true;
            return end;
        }
        var cur = _state.Current;
        var strong = cur is null || cur.Closed || cur.Kind != ArticleKind.Article
            || stack.Exists(l => l.Markdown)
            || (_state.Column is not null && !_state.ColumnUsed)
            || stack[0].GapBefore >= 2
            || next is { Kind: LineKind.Byline or LineKind.Dateline }
            // 视觉 over a headline: a sub-head never comes under a column's name.
            || (stack.Count >= 2 && TitleForms.IsColumnWord(stack[0].Text) && !TitleForms.IsPlaceTag(stack[0].Text));
        // A byline or dateline right under the lines vouches for them, however OCR spaced them out.
        // 视觉 over a headline: a column word is shorter than a title may be.
        var plausible = next is { Kind: LineKind.Byline or LineKind.Dateline }
            || stack.TrueForAll(l => TitleForms.PlausibleTitle(l.Text))
            || (stack.Count >= 2 && TitleForms.IsColumnWord(stack[0].Text) && stack.Skip(1).All(l => TitleForms.PlausibleTitle(l.Text)));
        if (!plausible && strong && stack.FindLastIndex(l => !TitleForms.PlausibleTitle(l.Text)) is var debris and >= 0 && debris < stack.Count - 1)
        {
            // OCR debris above a title does not take the title down with it: only the debris is stray.
            for (var k = 0; k <= debris; k++)
            {
                _state.Unplace(stack[k].Number, stack[k].Text, "零散字词");
            }
            stack.RemoveRange(0, debris + 1);
            at.RemoveRange(0, debris + 1);
            plausible = true;
        }
        if (!strong || !plausible)
        {
            _state.Photos.FlushPendingPhoto();
        }
        if (!plausible)
        {
            for (var k = 0; k < stack.Count; k++)
            {
                if (strong)
                {
                    _state.Unplace(stack[k].Number, stack[k].Text, "零散字词");
                    _state.LastWasStray = true;
                }
                else
                {
                    _state.Segmenter.ReadText(at[k], stack[k], false);
                    _state.LastWasStray = true;
                }
            }
            return end;
        }
        if (cur is { Kind: ArticleKind.Article, Headline: null, Closed: false } && cur.TextCount == 0 && cur.Bylines.Count > 0)
        {
            _state.Photos.FlushPendingPhoto();
            // A byline printed above its headline.
            ApplyStack(cur, stack);
            cur.OwnStart = cur.Body.Count;
            return end;
        }
        if (!strong && cur is not null && stack.Count == 1 && cur.Body.Count > 0 && cur.Body[^1] is { Kind: ParaKind.Text, Credited: false } open
            && !TextRules.EndsSentence(open.Text) && !TitleForms.IsSlogan(stack[0].Text))
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
            // A story without a byline runs until its credit, except that a line after a finished paragraph
            // whose lead repeats its words, and the story's title does not, is the next story's headline.
            var lastText = cur.Body.LastOrDefault(p => p.Kind == ParaKind.Text);
            var finished = lastText is null || TextRules.EndsSentence(lastText.Text);
            var echoedHeadline = !cur.HasTopCredit && stack.Count == 1 && finished && _state.EchoedBelow(at[0]) && !SharesTheTitle(cur, stack[0]);
            // A short title over a credited caption and nothing more is photo news, not a sub-head of the story above.
            var photoNews = stack.Count == 1 && finished && _state.Photos.PhotoNewsFollows(end);
            if (!cur.HasTopCredit && !echoedHeadline && !photoNews)
            {
                // Short lines inside it are its sub-heads, unless they finish a broken sentence or list things as sentences do.
                foreach (var l in stack)
                {
                    var unfinished = cur.Body.Count > 0 && cur.Body[^1] is { Kind: ParaKind.Text, Credited: false } last && !TextRules.EndsSentence(last.Text);
                    cur.Body.Add(unfinished || TitleForms.EnumeratesOutsideQuotes(l.Text)
                        ? new Para(l.Text, ParaKind.Text, l.Number) { TitleLike = true }
                        : new Para(TextRules.CollapseSpaces(l.Text), ParaKind.Subhead, l.Number));
                }
                return end;
            }
            var previous = cur.Body.LastOrDefault(p => p.Kind == ParaKind.Text);
            if (stack.Count == 1 && previous is not null && !TextRules.EndsSentence(previous.Text) && TitleForms.IsSlogan(stack[0].Text)
                && next is { Kind: LineKind.Text or LineKind.Title })
            {
                // "不忘初心 牢记使命" across a sentence of the story: a banner, and the sentence goes on.
                _state.Furniture.Add(stack[0].Text);
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
                ? TitleForms.LooksLikeHeadline(stack[0].Text) || OpensAnotherStory(cur, stack[0], end) || _state.Photos.CaptionFollows(end)
                : !stack.Exists(l => TitleForms.EnumeratesOutsideQuotes(l.Text)));
            if (!headlineLike)
            {
                foreach (var l in stack)
                {
                    // After a finished paragraph the line is the story's sub-head; before the end of a sentence, its rest.
                    cur.Body.Add(complete && stack.Count == 1 && !TitleForms.EnumeratesOutsideQuotes(l.Text)
                        ? new Para(TextRules.CollapseSpaces(l.Text), ParaKind.Subhead, l.Number)
                        : new Para(l.Text, ParaKind.Text, l.Number) { TitleLike = true });
                }
                return end;
            }
        }
        // Under a title with no byline, the story's first line may be short and unpunctuated too; one that lists
        // with 、 is text.
        var firstLines = new List<PageLine>();
        while (stack.Count >= 2 && next is not { Kind: LineKind.Byline or LineKind.Dateline } && TitleForms.EnumeratesOutsideQuotes(stack[^1].Text))
        {
            firstLines.Insert(0, stack[^1]);
            stack.RemoveAt(stack.Count - 1);
        }
        var d = new Draft(ArticleKind.Article, stack[0].Number);
        _state.StartNew(d);
        ApplyStack(d, stack);
        foreach (var l in firstLines)
        {
            d.Body.Add(new Para(l.Text, ParaKind.Text, l.Number) { TitleLike = true });
        }
        if (_state.PendingPhoto is not null)
        {
            d.Photos.Add(_state.PendingPhoto);
            d.AddBylines(_state.PendingPhoto.Credits);
            d.AsPrinted.Add(_state.PendingPhotoPrinted!);
            _state.PendingPhoto = null;
        }
        _state.UnplacePending();
        return end;
    }

    internal static bool StartsNextStory(Draft cur, List<PageLine> stack, PageLine? next)
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
    // headline when the text under it ends with a credit (or a 文·摄影/ line) before the next title (a story that opened with a
    // byline does not also close with a credit), or when the paragraph under it repeats its words and the
    // story above does not.
    internal bool OpensAnotherStory(Draft cur, PageLine line, int end)
    {
        var firstText = -1;
        for (var j = end + 1; j < _state.Lines.Count && j < end + 40; j++)
        {
            var l = _state.Lines[j];
            if (l.Duplicate)
            {
                continue;
            }
            if (l.Kind is LineKind.CreditLine || (l.Kind is LineKind.Text && Credits.ReadTrailingCredit(l.Text) is not null)
                || (l.Kind is LineKind.Byline && firstText >= 0 && Credits.IsWorkCredit(l.Text)))
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
        if (firstText < 0 || cur.HasTopCredit)
        {
            // Under a story that opened with its byline, a line its next paragraph echoes is a sub-head
            // (西乌素图艺术村：艺术赋能乡村振兴 over a paragraph about the village): a story printed after a
            // bylined one carries a credit of its own.
            return false;
        }
        var words = Bigrams.Of(line.Text);
        var title = cur.TitleBigrams ??= Bigrams.Of(cur.Title);
        return words.Length >= 4 && Bigrams.Recall(Bigrams.Of(_state.Lines[firstText].Text), words) >= 0.5 && Bigrams.Recall(title, words) < 0.25;
    }

    // A line that repeats the words of the story's own title is a sub-head of it, however its lead echoes it.
    private static bool SharesTheTitle(Draft cur, PageLine line) =>
        Bigrams.Recall(cur.TitleBigrams ??= Bigrams.Of(cur.Title), Bigrams.Of(line.Text)) >= 0.25;

    internal static bool RepeatsRecentText(Draft d, string line)
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
    internal bool IsSubhead(Draft story, string line, int index)
    {
        var t = TextRules.Squeeze(line);
        if (t.Length > 1 && (t[0] is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' && t[1] is '、' or '是'
            || t[0] is '(' or '（' || (char.IsAsciiDigit(t[0]) && t[1] is '.' or '、' or '．')))
        {
            return true;
        }
        if (TitleForms.PhraseShape(line) is { } shape
            && (story.Body.Exists(p => p.Kind == ParaKind.Subhead && TitleForms.PhraseShape(p.Text) == shape) || ParallelLineFollows(shape, index)))
        {
            return true;
        }
        var prefix = TitleForms.Prefix(t);
        // Unrelated headlines also start with 我市, 全区 or a place: a series shares a topic word.
        if (prefix.Length < 2 || prefix[0] is '我' or '全' or '本' or '各' || TitleForms.PlaceStarts.Contains(prefix))
        {
            return false;
        }
        if (story.Headline is { } h && TitleForms.Prefix(TextRules.Squeeze(h)) == prefix)
        {
            return true;
        }
        for (var j = index + 1; j < _state.Lines.Count && j < index + 60; j++)
        {
            var l = _state.Lines[j];
            if (l.Kind is LineKind.Byline or LineKind.Dateline or LineKind.Label or LineKind.Brief || l.GapBefore >= 2 || l.Markdown)
            {
                break;
            }
            if (l.Kind == LineKind.Title && (l.Prefix ??= TitleForms.Prefix(TextRules.Squeeze(l.Text))) == prefix && !_state.StackHasOwnCredit(j))
            {
                return true;
            }
        }
        return false;
    }

    // Another title line of the same phrase widths further down the same story, with no credit of its own.
    private bool ParallelLineFollows(string shape, int index)
    {
        for (var j = index + 1; j < _state.Lines.Count && j < index + 60; j++)
        {
            var l = _state.Lines[j];
            if (l.Kind is LineKind.Byline or LineKind.Dateline or LineKind.Label or LineKind.Brief || l.GapBefore >= 2 || l.Markdown)
            {
                return false;
            }
            if (l.Kind == LineKind.Title && TitleForms.PhraseShape(l.Text) == shape && !_state.StackHasOwnCredit(j))
            {
                return true;
            }
        }
        return false;
    }

    internal void ApplyStack(Draft d, List<PageLine> stack)
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
            if (TitleForms.IsPlaceTag(t))
            {
                d.Tags.Add(t);
                continue;
            }
            var segs = TextRules.TopLevelSegments(t);
            if (segs.Count >= 2 && TitleForms.IsPlaceTag(segs[0]))
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
        if (rows.Count >= 2 && TitleForms.IsColumnWord(rows[0]))
        {
            // 特别关注, 地方观察: a column word over the title, kept for the stories that follow.
            d.Column = rows[0];
            _state.RetireColumn();
            _state.Column = rows[0];
            _state.ColumnsSeen.Add(rows[0]);
            _state.ColumnUsed = true;
            rows.RemoveAt(0);
        }
        else if (rows.Count >= 3 && !rows.Exists(r => r.StartsWith('—') || r.StartsWith('-')))
        {
            // Three lines with no 副题: the top one is a campaign banner over kicker and headline.
            d.Column = rows[0];
            _state.ColumnsSeen.Add(rows[0]);
            rows.RemoveAt(0);
        }
        if (rows.Count == 1)
        {
            var (kicker, headline) = TitleForms.SplitOneLine(rows[0]);
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
}
