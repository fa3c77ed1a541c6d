namespace NewsRoom.Ingest;

/// <summary>How titles look on their own: tags, slogans, debris, one-line kicker and headline.</summary>
internal static class TitleForms
{
    internal static readonly HashSet<string> PlaceStarts = Gazetteer.InnerMongolia.Regions
        .SelectMany(r => r.Aliases.Prepend(r.Name)).Where(n => n.Length >= 2).Select(n => n[..2]).Append("内蒙").Append("自治").ToHashSet(StringComparer.Ordinal);

    // The first two characters that are not quotes: 暖“新”党建 and 暖“新”服务 both give 暖新.
    internal static string Prefix(string t)
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
    internal static bool EnumeratesOutsideQuotes(string t)
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

    internal static bool IsSlogan(string t)
    {
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts.All(p => p.Length is >= 2 and <= 8 && p.All(TextRules.IsIdeograph));
    }

    // A headline has no one-character words: "扣场 美 新闻" is OCR debris.
    internal static bool PlausibleTitle(string t)
    {
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TextRules.CountNonSpace(t) >= 3 && (parts.Length == 1 || parts.All(p => p.Length >= 2));
    }

    // The widths of a line's phrases: 加装电梯 方便群众出行 and 完善配套 提升居住品质 both give 4+6. Sub-heads of one
    // story are set as a parallel series (对仗); a line of one phrase has no shape to share.
    internal static string? PhraseShape(string t)
    {
        var parts = TextRules.TopLevelSegments(t);
        return parts.Count >= 2 ? string.Join('+', parts.Select(TextRules.CountNonSpace)) : null;
    }

    // 一、 （二） 3. 第一, or the □ papers set before a sub-head: a short numbered line without a sentence's end
    // is a sub-head of the story it stands in, never the start of the next paragraph.
    internal static bool IsNumberedCrosshead(string t)
    {
        var n = TextRules.CountNonSpace(t);
        if (n is < 3 or > 24 || TextRules.EndsSentence(t) || t.AsSpan().IndexOfAny('，', ',') >= 0 || t.Contains('：', StringComparison.Ordinal))
        {
            return false;
        }
        return t[0] == '□' || (IsChineseNumeral(t[0]) && t[1] == '、')
            || (t[0] is '(' or '（' && t.Length > 3 && (IsChineseNumeral(t[1]) || char.IsAsciiDigit(t[1])) && t[2] is ')' or '）')
            || (char.IsAsciiDigit(t[0]) && t[1] is '.' or '、' or '．' && !char.IsAsciiDigit(t[2]));
    }

    private static bool IsChineseNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    // 视觉, 地方观察: a column's name printed bare over a title, two to six characters.
    internal static bool IsColumnWord(string t) => t.Length is >= 2 and <= 6 && t.All(TextRules.IsIdeograph);

    internal static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("“”「」《》\"");

    // Without a byline to go on, a headline shows itself by its form: two balanced phrases, or quoted words.
    internal static bool LooksLikeHeadline(string t) => HasBalancedPhrases(t) || (t.AsSpan().IndexOfAny(Quotes) >= 0 && TextRules.CountNonSpace(t) >= 6);

    // Two or more phrases of three characters or more set apart by spaces: 设立400个站点 回收农药包装废弃物.
    internal static bool HasBalancedPhrases(string t)
    {
        var parts = TextRules.TopLevelSegments(t);
        return parts.Count >= 2 && parts.All(p => TextRules.CountNonSpace(p) >= 3);
    }

    // One line holding kicker and headline: a kicker is much shorter or much longer than the headline it
    // stands over; two phrases of about the same length are one headline.
    internal static (string? Kicker, string Headline) SplitOneLine(string t)
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

    internal static readonly HashSet<string> LongAliases =
        Gazetteer.InnerMongolia.Regions.SelectMany(r => r.Aliases).Where(a => a.Length >= 3).ToHashSet(StringComparer.Ordinal);

    internal static readonly string[] NotPlaces = ["我市", "本市", "全市", "该市", "我县", "全县", "我旗", "全旗", "我省", "全省", "本省"];

    // 九原区, 海南省: a place printed before or beside the headline as a tag.
    internal static bool IsPlaceTag(string s)
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
