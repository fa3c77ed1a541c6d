using System.Text;

namespace NewsRoom.Ingest;

/// <summary>Stage 5, repairs after the top-down read: what the page layout put in the wrong place goes back.</summary>
internal sealed class PageRepairs(PageState state)
{
    private readonly PageState _state = state;

    public void Run()
    {
        ClaimTextAbove();
        CompleteDanglingCaptions();
        foreach (var d in _state.Items)
        {
            JoinBrokenParagraphs(d);
        }
        ReturnStoriesToTheirHeadlines();
        DropEmptyItems();
        _state.KeepUnusedColumns();
    }

    // Text above the first story's title is that story's when the story has no text of its own (its title
    // was printed after it) or the text reads like it; otherwise it continues a story from another page.
    internal void ClaimTextAbove()
    {
        foreach (var d in _state.Items.Where(d => d.Above.Count > 0))
        {
            var take = d.Kind == ArticleKind.Article && d.Headline is not null && d.Body.Count == 0;
            if (!take && d.Kind == ArticleKind.Article && d.Headline is not null)
            {
                var title = d.TitleBigrams ??= Bigrams.Of(d.Title);
                var lead = Bigrams.Of(d.Body.Where(p => p.Kind == ParaKind.Text).Take(2).Select(p => p.Text));
                var text = Bigrams.Of(d.Above.Select(p => p.Text));
                take = (0.5 * Bigrams.Recall(text, title)) + (0.5 * Bigrams.Precision(text, lead)) >= 0.12;
            }
            if (!take)
            {
                foreach (var p in d.Above)
                {
                    _state.Unplace(p.Line, p.Text, "第一篇稿件之前的文字");
                }
                continue;
            }
            foreach (var p in d.Above)
            {
                _state.Warn(p.Line, $"印在所属稿件《{d.Headline}》标题之前，已移回该稿件");
            }
            if (d.Dateline is not null)
            {
                d.Body.AddRange(d.Above);
            }
            else
            {
                // The story now starts with the text above its title.
                d.Body.InsertRange(0, d.Above);
                d.OwnStart = 0;
            }
        }
    }

    internal void CompleteDanglingCaptions()
    {
        for (var start = 0; start < _state.Items.Count; start++)
        {
            foreach (var photo in _state.Items[start].Photos.Where(p => p.DanglingColumn >= 0))
            {
                // A fragment printed after the caption, in a story nearby (a spliced photo sits after the story it cut).
                for (var k = Math.Max(0, start - 3); k < _state.Items.Count && k < start + 8 && photo.DanglingColumn >= 0; k++)
                {
                    var d = _state.Items[k];
                    var frag = d.Body.Find(p => p.Fragment && p.Line > photo.Line);
                    if (frag is not null)
                    {
                        photo.Columns[photo.DanglingColumn] = TextRules.JoinBroken(photo.Columns[photo.DanglingColumn], frag.Text.Trim());
                        photo.DanglingColumn = -1;
                        d.Body.Remove(frag);
                        _state.Warn(frag.Line, "图片说明的末尾几个字，已放回图片说明");
                    }
                }
            }
        }
    }

    // "a line ending mid-sentence, a blank line, the rest": one paragraph. One pass, so a page hard-wrapped
    // into thousands of short lines costs no more than one of paragraphs.
    internal static void JoinBrokenParagraphs(Draft d)
    {
        var body = d.Body;
        var joined = new List<Para>(body.Count);
        var removedBeforeOwn = 0;
        var removedBeforeClose = 0;
        var k = 0;
        while (k < body.Count)
        {
            var a = body[k];
            var end = k;
            while (end + 1 < body.Count && body[end] is { Kind: ParaKind.Text, Credited: false } last && !TextRules.EndsSentence(last.Text)
                && body[end + 1] is { Kind: ParaKind.Text, Fragment: false })
            {
                end++;
            }
            if (end == k)
            {
                joined.Add(a);
                k++;
                continue;
            }
            var sb = new StringBuilder(a.Text.TrimEnd());
            for (var m = k + 1; m <= end; m++)
            {
                TextRules.AppendBroken(sb, body[m].Text.Trim());
                removedBeforeOwn += m < d.OwnStart ? 1 : 0;
                removedBeforeClose += m < d.ClosedAt ? 1 : 0;
            }
            joined.Add(new Para(sb.ToString(), ParaKind.Text, a.Line) { Credited = body[end].Credited });
            k = end + 1;
        }
        d.OwnStart -= removedBeforeOwn;
        if (d.ClosedAt >= 0)
        {
            d.ClosedAt -= removedBeforeClose;
        }
        body.Clear();
        body.AddRange(joined);
    }

    // Paragraphs printed before their story's headline sit at the end of the story above. They go back to the
    // story whose words they share; a headline and byline with no text after them take the text above.
    internal void ReturnStoriesToTheirHeadlines()
    {
        for (var idx = _state.Items.Count - 1; idx >= 1; idx--)
        {
            var b = _state.Items[idx];
            var a = _state.Items[idx - 1];
            if (b.Kind != ArticleKind.Article || b.Headline is null || b.BoundaryBefore || a.Kind != ArticleKind.Article)
            {
                continue;
            }
            var start = a.Closed ? a.ClosedAt : a.OwnStart + 1;
            var k = a.Body.Count;
            while (k > start && a.Body[k - 1].Kind == ParaKind.Text)
            {
                k--;
            }
            if (k >= a.Body.Count)
            {
                continue;
            }
            var forced = b.TextCount == 0;
            var titleA = a.TitleBigrams ??= Bigrams.Of(a.Title);
            var titleB = b.TitleBigrams ??= Bigrams.Of(b.Title);
            int from;
            if (forced)
            {
                // The best split: the tail that reads most like the orphan headline and least like its own.
                double sum = 0, best = double.MinValue;
                from = a.Body.Count - 1;
                for (var m = a.Body.Count - 1; m >= k; m--)
                {
                    var p = Bigrams.Of(a.Body[m].Text);
                    sum += Bigrams.Recall(p, titleB) - Bigrams.Recall(p, titleA);
                    if (sum > best)
                    {
                        best = sum;
                        from = m;
                    }
                }
            }
            else
            {
                int[]? bodyA = null;
                var bodyB = b.LeadBigrams ??= Bigrams.Of(b.Body.Where(p => p.Kind == ParaKind.Text).Take(2).Select(p => p.Text));
                from = a.Body.Count;
                while (from > k)
                {
                    var p = Bigrams.Of(a.Body[from - 1].Text);
                    var sb = (0.5 * Bigrams.Recall(p, titleB)) + (0.5 * Bigrams.Precision(p, bodyB));
                    if (sb < 0.06)
                    {
                        break;
                    }
                    bodyA ??= Bigrams.Of(a.Body.Take(Math.Min(k, 3)).Select(p => p.Text));
                    var sa = (0.5 * Bigrams.Recall(p, titleA)) + (0.5 * Bigrams.Precision(p, bodyA));
                    if (sb <= (1.5 * sa) + 0.02)
                    {
                        break;
                    }
                    from--;
                }
            }
            if (from >= a.Body.Count)
            {
                continue;
            }
            var moved = a.Body.GetRange(from, a.Body.Count - from);
            a.Body.RemoveRange(from, moved.Count);
            foreach (var p in moved)
            {
                _state.Warn(p.Line, $"印在所属稿件《{b.Headline}》标题之前，已移回该稿件");
            }
            if (b.Dateline is not null)
            {
                // A dateline opens its story, so text printed above the headline is the story's end.
                b.Body.AddRange(moved);
            }
            else
            {
                b.Body.InsertRange(0, moved);
                b.OwnStart += moved.Count;
            }
        }
    }

    internal void DropEmptyItems()
    {
        for (var k = _state.Items.Count - 1; k >= 0; k--)
        {
            var d = _state.Items[k];
            if (d.Body.Count == 0 && d.Photos.Count == 0)
            {
                _state.Items.RemoveAt(k);
                foreach (var s in d.AsPrinted)
                {
                    _state.Unplaced.Add(s);
                }
                if (d.Continuation is not null)
                {
                    _state.Furniture.Add(d.Continuation);
                }
                _state.Warn(d.FirstLine, "标题或署名下没有正文，作为未归置文字保留");
            }
        }
    }
}
