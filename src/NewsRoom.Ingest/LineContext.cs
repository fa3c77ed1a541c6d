namespace NewsRoom.Ingest;

/// <summary>
/// Stage 3, line features in context: what a line is also depends on its neighbours. Repeated blocks are marked,
/// title-shaped lines are weighed with the lines around them (<see cref="LineScores"/>), a reporter's title run
/// into words over a title is a column name.
/// </summary>
internal sealed class LineContext(PageState state)
{
    private readonly PageState _state = state;

    public void Mark()
    {
        MarkDuplicates();
        PromotePhotoReportCredits();
        ScoreInContext();
        DemoteRunOnBylines();
        MarkColumnLabels();
    }

    // "■民生热线" between the end of one story and the title of the next: the name of a column over that title, the
    // way 【云观察】 is. Under a headline the same mark sets a column name inside the title stack, which reads it there.
    internal void MarkColumnLabels()
    {
        for (var i = 0; i < _state.Lines.Count; i++)
        {
            var l = _state.Lines[i];
            if (l.Kind == LineKind.Text && !l.Duplicate && IsMarkedColumnName(l.Text) && _state.Next(i) is { Kind: LineKind.Title, GapBefore: <= 1 }
                && _state.Previous(i) is not { Kind: LineKind.Title or LineKind.Label })
            {
                l.Kind = LineKind.Label;
            }
        }
    }

    private static bool IsMarkedColumnName(string t) =>
        t.Length is >= 3 and <= 12 && t[0] is '■' or '□' or '◆' && t.AsSpan(1).Trim().Length >= 2 && t.Skip(1).All(c => TextRules.IsIdeograph(c) || c == ' ');

    // Repeated blocks (the same paragraph recognised twice) appear once: the last copy is kept, since the
    // earlier one is the stray, unless only the earlier one carries the credit.
    internal void MarkDuplicates()
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string?[_state.Lines.Count];
        for (var i = 0; i < _state.Lines.Count; i++)
        {
            var l = _state.Lines[i];
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
            if (!last.TryGetValue(key, out var kept) || _state.Lines[kept].Text.Length <= l.Text.Length)
            {
                last[key] = i;
            }
        }
        for (var i = 0; i < _state.Lines.Count; i++)
        {
            if (keys[i] is { } key && last[key] != i)
            {
                _state.Lines[i].Duplicate = true;
                _state.Warn(_state.Lines[i].Number, $"与第{_state.Lines[last[key]].Number}行重复，保留一次");
            }
        }
    }

    // "记者 李强 摄影报道" between a title and its text is the byline of a photo report: the photographer wrote the
    // story too. At the end of a caption or a story the same words stay a photo credit.
    internal void PromotePhotoReportCredits()
    {
        for (var i = 1; i < _state.Lines.Count; i++)
        {
            var l = _state.Lines[i];
            if (l.Kind == LineKind.PhotoCredit && l.GapBefore <= 1 && l.Text.EndsWith("摄影报道", StringComparison.Ordinal)
                && _state.Lines[i - 1].TitleShape > LineScores.Never && _state.Next(i) is { Kind: LineKind.Text } next
                && next.PhotoCredit is null && TextRules.EndsSentence(next.Text))
            {
                l.Kind = LineKind.Byline;
            }
        }
    }

    // The lines around a title-shaped line add their word (LineScores.Context): a byline or dateline under a
    // headline that holds a comma or ends with ！, a lead under it that repeats its words.
    internal void ScoreInContext()
    {
        for (var i = 0; i < _state.Lines.Count; i++)
        {
            var l = _state.Lines[i];
            if (l.TitleShape <= LineScores.Never || l.Duplicate)
            {
                continue;
            }
            var next = _state.Next(i);
            var previous = _state.Previous(i);
            var score = l.TitleShape + LineScores.Context(l, previous, next, echoed: false);
            if (score < LineScores.TitleAt && score + LineScores.OverACreditedStory >= LineScores.TitleAt && next is { Kind: LineKind.Text }
                && previous is { Kind: LineKind.Text or LineKind.Dateline } && TextRules.EndsSentence(previous.Text) && l.Text.Length <= 40
                && BylinedStoryAbove(i) && CreditedTextBelow(i))
            {
                score += LineScores.OverACreditedStory;
            }
            // The echo is weighed only where it can tip the line over: comparing words costs more than the rest.
            if (score >= LineScores.TitleAt || (score + LineScores.EchoedBelow >= LineScores.TitleAt && _state.EchoedBelow(i)))
            {
                l.Kind = LineKind.Title;
            }
        }
    }

    // The text above line i runs back, paragraph by paragraph, to a byline or dateline that opened its story.
    private bool BylinedStoryAbove(int i)
    {
        for (int j = i - 1, seen = 0; j >= 0 && seen < 60; j--, seen++)
        {
            var l = _state.Lines[j];
            if (l.Duplicate)
            {
                continue;
            }
            switch (l.Kind)
            {
                case LineKind.Byline or LineKind.Dateline:
                    return true;
                case LineKind.Text when Credits.ReadTrailingCredit(l.Text) is null:
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    // The text under line i, paragraph by paragraph, ends with a credit (in its last paragraph or on a line of its own).
    private bool CreditedTextBelow(int i)
    {
        for (int j = i + 1, seen = 0; j < _state.Lines.Count && seen < 40; j++, seen++)
        {
            var l = _state.Lines[j];
            if (l.Duplicate)
            {
                continue;
            }
            if (l.Kind == LineKind.CreditLine || (l.Kind == LineKind.Byline && j > i + 1 && Credits.IsWorkCredit(l.Text)))
            {
                return true;
            }
            if (l.Kind != LineKind.Text)
            {
                return false;
            }
            if (Credits.ReadTrailingCredit(l.Text) is not null)
            {
                return true;
            }
        }
        return false;
    }

    // "记者走基层", "记者再走长征路": a reporter's title run into the words after it, over a title, is a column's
    // name; a real byline sets its names apart or hangs from a bullet.
    internal void DemoteRunOnBylines()
    {
        for (var i = 0; i < _state.Lines.Count; i++)
        {
            var l = _state.Lines[i];
            if (l.Kind == LineKind.Byline && !l.Text.Any(char.IsWhiteSpace) && l.Text[0] is not ('□' or '●' or '■' or '◆' or '▲' or '★')
                && _state.Next(i) is { Kind: LineKind.Title, GapBefore: <= 1 })
            {
                l.Kind = LineKind.Title;
            }
        }
    }
}
