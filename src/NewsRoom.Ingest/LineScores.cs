namespace NewsRoom.Ingest;

/// <summary>
/// The one place where a line that no pattern has claimed (not a byline, dateline, credit, label, brief,
/// table row or furniture) is weighed as a title or as text. Each signal has a named weight; a line is a
/// title when the sum reaches <see cref="TitleAt"/>. The shape of the line is scored when it is read
/// (<see cref="PageLine"/>), the lines around it when the page is read (<see cref="LineContext"/>).
/// Which title (column, kicker, headline, sub-head) a title line is, the title stack reader decides.
/// </summary>
internal static class LineScores
{
    /// <summary>A title when the weights add up to this or more.</summary>
    internal const double TitleAt = 0;

    /// <summary>Can never be a title: no Chinese, one character, a whole paragraph, a full stop inside, or an ending that leads on.</summary>
    internal const double Never = -100;

    /// <summary>A short line standing on its own is printed as a title unless something speaks against it.</summary>
    internal const double ShortLine = 1;

    /// <summary>，；inside: sentences carry them and headlines rarely do, but a headline may hold a comma.</summary>
    internal const double ClauseInside = -3;

    /// <summary>！？ or … at the end: headlines exclaim and ask, but so does quoted speech inside the text.</summary>
    internal const double Exclaims = -2;

    /// <summary>( ■ □ in front: a credit or a marked note more often than a title.</summary>
    internal const double OpensWithMark = -2;

    /// <summary>A byline or dateline right under a line of 4–40 characters vouches for it as the title it stands over.</summary>
    internal const double OverAByline = 4;

    /// <summary>The story above has ended (its credit, a photo's credit, a jump line, the page's margin) and a
    /// paragraph follows: the line opens the next story. As sure a sign as a byline under it, since no story's text
    /// follows its own credit; it lets a long headline with a comma and a closing ！ through.</summary>
    internal const double AfterAClosedStory = 4;

    /// <summary>The story above opened with a byline or dateline and the text under the line ends with a credit of
    /// its own: a story that opened with its byline does not also close with a credit, so that text is another
    /// story's and the line its title (the rule the title stack reader applies to title-shaped lines).</summary>
    internal const double OverACreditedStory = 4;

    /// <summary>The paragraph under it repeats most of its words: a lead restates its headline. Less than a byline's
    /// word, since a paragraph may also restate a sub-head or a quote.</summary>
    internal const double EchoedBelow = 1.5;

    /// <summary>Share of a line's character pairs the paragraph under it must repeat to echo it.</summary>
    internal const double EchoShare = 0.5;

    private static readonly System.Buffers.SearchValues<char> Clause = System.Buffers.SearchValues.Create("，,；;");

    /// <summary>What the line's own shape says (length, punctuation inside and at the end, marks in front).</summary>
    internal static double Shape(string t)
    {
        if (t.Length > 60)
        {
            return Never;
        }
        var n = TextRules.CountNonSpace(t);
        if (n is < 2 or > 50 || !TextRules.ContainsIdeograph(t) || t.Contains('。', StringComparison.Ordinal))
        {
            return Never;
        }
        var last = TextRules.LastChar(t);
        if (last is '，' or ',' or '；' or ';' or '：' or ':' or '、' or ')' or '）')
        {
            return Never;
        }
        var score = ShortLine;
        if (t.AsSpan().IndexOfAny(Clause) >= 0)
        {
            score += ClauseInside;
        }
        if (last is '！' or '？' or '!' or '?' or '…')
        {
            score += Exclaims;
        }
        if (t[0] is '(' or '（' or '□' or '■')
        {
            score += OpensWithMark;
        }
        return score;
    }

    /// <summary>What the lines around it add: a byline or dateline under it, the end of a story above it and a
    /// paragraph under it, a paragraph under it that repeats it.</summary>
    internal static double Context(PageLine line, PageLine? previous, PageLine? next, bool echoed)
    {
        var score = 0.0;
        if (next is { Kind: LineKind.Byline or LineKind.Dateline, GapBefore: <= 1 } && line.Text.Length <= 40 && TextRules.CountNonSpace(line.Text) >= 4)
        {
            score += OverAByline;
        }
        else if (previous is not null && ClosesAStory(previous) && next is { Kind: LineKind.Text } && line.Text.Length <= 40
            && TextRules.CountNonSpace(next.Text) > TextRules.CountNonSpace(line.Text))
        {
            score += AfterAClosedStory;
        }
        if (echoed)
        {
            score += EchoedBelow;
        }
        return score;
    }

    /// <summary>Whether nothing of the story a line ends can follow it: a credit, a photo's credit, a jump to another page, the margin.</summary>
    internal static bool ClosesAStory(PageLine line) => line.Kind switch
    {
        LineKind.CreditLine or LineKind.PhotoCredit or LineKind.Jump or LineKind.Furniture => true,
        LineKind.Text or LineKind.Brief or LineKind.Dateline => line.PhotoCredit is { Caption.Length: > 0 } || Credits.ReadTrailingCredit(line.Text) is not null,
        _ => false,
    };

    /// <summary>Whether the paragraph under a line repeats most of its character pairs (and the line has enough to judge).</summary>
    internal static bool Echoes(string line, string paragraph)
    {
        var words = Bigrams.Of(line);
        return words.Length >= 4 && Bigrams.Recall(Bigrams.Of(paragraph), words) >= EchoShare;
    }
}
