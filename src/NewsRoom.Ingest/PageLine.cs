using System.Text.RegularExpressions;

namespace NewsRoom.Ingest;

/// <summary>What one printed line is, judged on its own; the parser then reads it in context.</summary>
internal enum LineKind
{
    Text,
    Title,
    Label,
    Byline,
    PhotoCredit,
    CreditLine,
    Dateline,
    Brief,
    TableRow,
    Banner,
    Furniture,
    Jump,
}

/// <summary>One non-blank line of a page dump.</summary>
internal sealed partial class PageLine
{
    public PageLine(int number, string raw, int gapBefore)
    {
        Number = number;
        Raw = raw;
        GapBefore = gapBefore;
        var t = raw.Trim();
        if (t.StartsWith('#'))
        {
            Markdown = true;
            t = t.TrimStart('#').Trim();
        }
        Text = t;
        Kind = Classify(raw, t);
        if (Kind == LineKind.Text && !_claimed)
        {
            TitleShape = LineScores.Shape(t);
            Kind = TitleShape >= LineScores.TitleAt ? LineKind.Title : LineKind.Text;
        }
    }

    // Set while classifying when a pattern decided the line is text (a caption with its credit), so its shape is not weighed.
    private bool _claimed;

    /// <summary>1-based line number in the dump.</summary>
    public int Number { get; }

    public string Raw { get; }

    /// <summary>The line without Markdown marks and outer spaces.</summary>
    public string Text { get; }

    /// <summary>Blank lines before this one: two or more separate blocks of the page.</summary>
    public int GapBefore { get; }

    /// <summary>The dump marked the line as a heading (## …).</summary>
    public bool Markdown { get; }

    public LineKind Kind { get; set; }

    public bool Duplicate { get; set; }

    /// <summary>What the line's shape alone says about it being a title (<see cref="LineScores.Shape"/>); <see cref="LineScores.Never"/> when a pattern claimed it.</summary>
    public double TitleShape { get; private set; } = LineScores.Never;

    /// <summary>The paragraph under this title-shaped line repeats most of its words (see <see cref="PageState.EchoedBelow"/>), once asked for.</summary>
    public bool? Echoed { get; set; }

    /// <summary>The line read as a photo credit, with or without its caption (<see cref="Credits.ReadPhotoCredit"/>), read once.</summary>
    public (string Caption, List<ParsedByline> Credits)? PhotoCredit
    {
        get
        {
            if (!_photoRead)
            {
                _photo = Credits.ReadPhotoCredit(Text);
                _photoRead = true;
            }
            return _photo;
        }
    }

    private (string Caption, List<ParsedByline> Credits)? _photo;

    private bool _photoRead;

    /// <summary>The first two characters of a title-like line, once asked for (see TitleStackReader.IsSubhead).</summary>
    public string? Prefix { get; set; }

    [GeneratedRegex(@"^【[^【】]{1,15}】$")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^[■□◆▲]?\s*[(（]?\s*[上下][转接](?:第|自)?\s*[\d一二三四五六七八九十]{1,3}\s*版\s*[)）]?$")]
    private static partial Regex JumpLine();

    [GeneratedRegex(@"(热线|监督电话|举报电话|广告电话|订阅电话|新闻热线)\s*[:：]?\s*[\d(（]")]
    private static partial Regex HotlineLine();

    // The page's own lines: who edited it, its date and number, as printed in the margins.
    [GeneratedRegex(@"^(?:(?:本版)?(?:责任编辑|责编|编辑|校对|版式设计|版式|美编|审核|组版|排版|终审|监制)\s*[:：/]\s*\S.*|\d{4}年\d{1,2}月\d{1,2}日\s*(?:(?:星期|周)[一二三四五六日天]|第\s*[A-Z]?\d{1,2}\s*版).*|第?\s*[A-Z]?\d{1,2}\s*版(?:\s*\S{1,8})?)$")]
    private static partial Regex PageMargin();

    // A page header names the paper or the section before the date: "包头日报 2024年6月5日 星期三 责任编辑：高 峰".
    [GeneratedRegex(@"^(?:\S{1,8}\s+){0,3}\d{4}年\d{1,2}月\d{1,2}日\s*(?:(?:星期|周)[一二三四五六日天]|第\s*[A-Z]?\d{1,2}\s*版)|(?:^|\s)(?:责任编辑|责编)\s*[:：]")]
    private static partial Regex PageHeader();

    // A paper's name alone on a line is its masthead: 鄂尔多斯日报, 北方新报.
    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,6}(?:日报|新报|晚报|时报)$")]
    private static partial Regex PaperMasthead();

    // A03: a page number printed alone in the margin.
    [GeneratedRegex(@"^[A-H]\d{2}$")]
    private static partial Regex PageNumber();

    private static readonly System.Buffers.SearchValues<char> MarginStart = System.Buffers.SearchValues.Create("本责编校版美审组排终监第0123456789ABCD");

    private LineKind Classify(string raw, string t)
    {
        if (raw.Contains('\t', StringComparison.Ordinal))
        {
            return LineKind.TableRow;
        }
        if (t.Length <= 17 && LabelLine().IsMatch(t))
        {
            return LineKind.Label;
        }
        if (t.Length <= 20 && t.AsSpan().IndexOfAny('转', '接') >= 0 && JumpLine().IsMatch(t))
        {
            return LineKind.Jump;
        }
        if (t.Length <= 100 && ((t.AsSpan().IndexOfAny('线', '话') >= 0 && HotlineLine().IsMatch(t)) || (MarginStart.Contains(t[0]) && PageMargin().IsMatch(t))
            || (t.Length <= 60 && t.AsSpan().IndexOfAny('年', '编') >= 0 && !t.Contains('。', StringComparison.Ordinal) && PageHeader().IsMatch(t))))
        {
            return LineKind.Furniture;
        }
        if (t.Length <= 8 && (PaperMasthead().IsMatch(t) || PageNumber().IsMatch(t)))
        {
            return LineKind.Furniture;
        }
        if (t.Length <= 100)
        {
            if (PhotoCredit is { } photo)
            {
                // A caption with its credit ("西城公园航拍图 摄影/吕乐炎") is never a title, however short.
                _claimed = true;
                return photo.Caption.Length == 0 ? LineKind.PhotoCredit : LineKind.Text;
            }
            if (Credits.ReadBylineLine(t) is not null)
            {
                return LineKind.Byline;
            }
            if (t[0] is '(' or '（' && Credits.ReadTrailingCredit(t) is { Text.Length: 0 })
            {
                return LineKind.CreditLine;
            }
        }
        if (t.StartsWith('●'))
        {
            return LineKind.Brief;
        }
        if (Credits.ReadDateline(t) is not null)
        {
            return LineKind.Dateline;
        }
        if (t[0] is '(' or '（' && Credits.ReadOpeningCredit(t) is { Text.Length: > 0 })
        {
            // "(内蒙古日报•草原全媒记者:巴图 …旗融媒体中心记者:苏和)近日，…": the credit a dateline would carry, without the dateline.
            return LineKind.Dateline;
        }
        if (IsBanner(t))
        {
            return LineKind.Banner;
        }
        return LineKind.Text;
    }

    // "新时代 新征程 新伟业": three or more slogans of equal length are a banner across the page, not a title.
    private static bool IsBanner(string t)
    {
        if (t.Length > 40 || !t.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && parts.All(p => p.Length is >= 2 and <= 5 && p.All(TextRules.IsIdeograph))
            && parts.All(p => p.Length == parts[0].Length);
    }
}
