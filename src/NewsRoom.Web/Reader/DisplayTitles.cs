using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsRoom.Web.Reader;

/// <summary>
/// The title a reader sees for an item the paper printed without one, made the way Chinese news sites make it: the
/// kind of item and the opening words of its text, 图片新闻｜“唱响北疆”内蒙古新星新作演唱会… or 简讯｜乌审旗禁毒办….
/// Derived when shown, never stored as if printed: the item's Headline stays null, so the desk and the page can tell.
/// </summary>
public static partial class DisplayTitles
{
    /// <summary>How many characters of opening words a title takes at most (a headline's length on 人民网's lists).</summary>
    public const int MaxWords = 24;

    // A cut shorter than this says too little; a cut point nearer the start is not taken.
    private const int MinWords = 8;

    private const string Separator = "｜";

    /// <summary>How much of the body or caption a list reads to make a display title from.</summary>
    public const int TextLength = 100;

    /// <summary>The printed headline when there is one, else a display title from the item's kind and text.</summary>
    public static string For(string? headline, ArticleKind kind, string? text) =>
        string.IsNullOrWhiteSpace(headline) ? Derive(kind, text) : headline;

    /// <summary>图片新闻 or 简讯, a separator and the opening words of the caption or brief, cut at punctuation or a word.</summary>
    public static string Derive(ArticleKind kind, string? text)
    {
        var label = kind == ArticleKind.Photo ? "图片新闻" : "简讯";
        var words = OpeningWords(ReaderPages.Summary(text, MaxWords * 4));
        return words.Length == 0 ? label : label + Separator + words;
    }

    /// <summary>The opening words of a plain text: its credit and lead-in left out, cut at a clause or word boundary.</summary>
    public static string OpeningWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = LeadingCredit().Replace(text.Trim(), string.Empty).Trim();
        var clauses = ClauseEnd().Split(rest).Where(c => c.Length > 0).ToList();
        // A lead-in of time (日前, 5月9日晚, 连日来) is not what the item is about.
        var start = 0;
        while (start < clauses.Count - 1 && TimeLeadIn().IsMatch(clauses[start]))
        {
            start++;
        }
        if (clauses.Count == 0)
        {
            return string.Empty;
        }
        // Short clauses run together until they say enough: 机械轰鸣，塔吊林立.
        var words = clauses[start];
        for (var next = start + 1; words.Length < MinWords && next < clauses.Count && words.Length + 1 + clauses[next].Length <= MaxWords; next++)
        {
            words += "，" + clauses[next];
        }
        return words.Length <= MaxWords ? words : CutAtWord(words);
    }

    // Cuts a clause too long for a title at the last word boundary within MaxWords: before an opening quote or a
    // preposition, after a closing quote or 的, or before a number or Latin word (never between a number and its 年 or 个). An opening
    // quote is never left unclosed.
    private static string CutAtWord(string clause)
    {
        var best = 0;
        for (var i = MinWords; i <= MaxWords && i < clause.Length; i++)
        {
            char before = clause[i - 1], at = clause[i];
            if (OpensQuote(at) || ClosesQuote(before) || before == '的' || Prepositions.Contains(at)
                || (!char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(at)))
            {
                best = i;
            }
        }
        var cut = best > 0 ? clause[..best] : clause[..MaxWords];
        var open = cut.AsSpan().LastIndexOfAny(OpeningQuotes);
        if (open >= MinWords && cut.AsSpan(open).IndexOfAny(ClosingQuotes) < 0)
        {
            cut = cut[..open];
        }
        return cut.TrimEnd() + "…";
    }

    private static readonly SearchValues<char> OpeningQuotes = SearchValues.Create("“「《（(‘");
    private static readonly SearchValues<char> ClosingQuotes = SearchValues.Create("”」》）)’");
    private static readonly HashSet<char> Prepositions = ['在', '对', '于', '向', '从', '把', '将', '与', '和', '及', '并', '为'];

    private static bool OpensQuote(char c) => OpeningQuotes.Contains(c);

    private static bool ClosesQuote(char c) => ClosingQuotes.Contains(c);

    // ● or ■ markers, 本报讯 / 本报包头6月2日电, and a credit in brackets, (草原云·内蒙古新闻网记者周蕾), in any order at the start.
    [GeneratedRegex(@"^(?:[●■◆\s]+|本报(?:[^\s，,。（(]{0,12})?[讯电]|[（(][^）)]{0,40}[）)])+")]
    private static partial Regex LeadingCredit();

    [GeneratedRegex(@"^(?:日前|近日|近期|连日来|前不久|当天|当日|目前|近年来|(?:今|去)年以来|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?[早晚上中下午夜间]*|\d{1,2}日[早晚上中下午夜间]*)$")]
    private static partial Regex TimeLeadIn();

    [GeneratedRegex(@"[，,。；;！!？?：:、\s]+")]
    private static partial Regex ClauseEnd();
}
