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
        ScoreInContext();
        DemoteRunOnBylines();
    }

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
            var score = l.TitleShape + LineScores.Context(l, _state.Previous(i), next, echoed: false);
            // The echo is weighed only where it can tip the line over: comparing words costs more than the rest.
            if (score >= LineScores.TitleAt || (score + LineScores.EchoedBelow >= LineScores.TitleAt && _state.EchoedBelow(i)))
            {
                l.Kind = LineKind.Title;
            }
        }
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
