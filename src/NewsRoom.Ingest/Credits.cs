using System.Text.RegularExpressions;

namespace NewsRoom.Ingest;

/// <summary>A dateline read from the start of a paragraph, with the credit in its brackets and the text after it.</summary>
internal sealed record DatelineMatch(ParsedDateline Dateline, IReadOnlyList<ParsedByline> Credits, string Rest);

/// <summary>Reads the ways papers credit people: bylines, datelines, trailing credits and photo credits.</summary>
internal static partial class Credits
{
    // A reporter's title as printed: 本报记者, 特派记者, 北方新报融媒体记者, 实习生 …, after the employer some papers print
    // in front of it: 草原云·内蒙古新闻网记者, 内蒙古日报社融媒体记者, 西乌珠穆沁旗融媒体中心记者.
    private const string RolePattern = @"(?:草原云[·•])?(?:内蒙古新闻网|正北方网|内蒙古日报社|内蒙日报社|\p{IsCJKUnifiedIdeographs}{2,8}融媒体中心)?(?:本报|新报|本网|北方新报|内蒙古日报|新华社|中新社)?(?:特派|首席|特约|见习|草原全媒|全媒体|融媒体|驻\p{IsCJKUnifiedIdeographs}{1,4})?(?:实习)?(?:记者|通讯员|实习生)";

    // First characters a reporter's title can start with: a cheap test before the pattern.
    private static readonly System.Buffers.SearchValues<char> TitleStart = System.Buffers.SearchValues.Create("本新北内中特首见草全融驻实记通");

    [GeneratedRegex("^" + RolePattern)]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"[。！？!?”](?<title>" + RolePattern + ")$")]
    private static partial Regex TitleAfterSentence();

    // "…生态环境不断改善。王芳摄", "…景区游览。记者刘伟摄": the credit set right after the caption's last sentence.
    [GeneratedRegex(@"[。！？!?”](?<credit>(?<title>" + RolePattern + @")?(?<name>\p{IsCJKUnifiedIdeographs}{2,3}))摄$")]
    private static partial Regex CreditRunIntoCaption();

    private static (string Caption, List<ParsedByline> Credits)? ReadRunInPhotoCredit(string s)
    {
        if (CreditRunIntoCaption().Match(s) is not { Success: true } m)
        {
            return null;
        }
        var name = m.Groups["name"].Value;
        // Without a title in front, only a name that starts with a common surname is taken for one.
        if (!m.Groups["title"].Success && !CreditNames.IsSurname(name[0]))
        {
            return null;
        }
        return (s[..m.Groups["credit"].Index], [new ParsedByline(name, BylineRole.Photographer)]);
    }

    // Wire copy names its outlet the same way: 新华网阿拉善6月12日电, 中新网兴安盟4月18日电, 央广网呼和浩特1月14日消息.
    [GeneratedRegex(@"^(?<src>本报|新报|本网|北方新报|新华社|中新社|(?<outlet>\p{IsCJKUnifiedIdeographs}{1,3}网))(?<place>\p{IsCJKUnifiedIdeographs}{0,8}?)(?<date>\d{1,2}月\d{1,2}日)?(?<kind>讯|电|消息)(?:[ \u3000]*[(（](?<credit>[^()（）]{0,60})[)）])?(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex DatelineStart();

    private static readonly string[] OrganisationEndings =
        ["融媒体中心", "中心", "委员会", "公司", "集团", "局", "委", "办", "部", "站", "社", "院", "台", "协会", "大队", "支队", "学校", "医院", "政府", "报社", "新闻网"];

    private static readonly HashSet<string> NewsAgencies = new(StringComparer.Ordinal) { "新华社", "中新社", "新华网", "人民网", "央视网", "中新网" };

    private static bool LooksLikeOrganisation(string name) =>
        NewsAgencies.Contains(name) || (name.Length >= 4 && OrganisationEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal)));

    /// <summary>The role a printed title stands for: 特派记者 is a 记者, 北方新报融媒体记者 a 融媒体记者.</summary>
    private static BylineRole RoleOf(string title) => CreditNames.RoleOf(title);

    /// <summary>How many credits on this thread had names run together that were split by surname: the reader warns about each.</summary>
    [ThreadStatic]
    private static int t_guessedSplits;

    public static int GuessedSplits => t_guessedSplits;

    private static bool IsName(string token) =>
        token.Length is >= 2 and <= 12 && token.All(c => TextRules.IsIdeograph(c) || c is '·' or '•');

    /// <summary>
    /// Reads a run of names with the titles printed before them ("记者 郭洪申 薛一群 通讯员 赵文嘉"); a name with no
    /// title is the author, or an organisation when it reads like one. Null when anything in it is not a name.
    /// </summary>
    public static List<ParsedByline>? ReadNames(string text, BylineRole? untitled = null, bool requireTitle = false)
    {
        var names = CreditNames.Read(text, untitled, requireTitle, LooksLikeOrganisation, out var guessed);
        if (names is not null && guessed)
        {
            t_guessedSplits++;
        }
        return names;
    }

    // Where the first half of a padded two-character name starts, when the single character at i is its second half.
    private static int PaddedNameStart(string s, int i)
    {
        var e = i;
        while (e > 0 && char.IsWhiteSpace(s[e - 1]) && i - e < 3)
        {
            e--;
        }
        if (e == i || e == 0 || !TextRules.IsIdeograph(s[e - 1]) || (e >= 2 && !char.IsWhiteSpace(s[e - 2])))
        {
            return -1;
        }
        return e - 1;
    }

    // ◎ and ○ mark a byline in some banner and county papers the way □ does in others.
    private static readonly char[] Bullets = ['□', '●', '■', '◆', '▲', '★', '◎', '○', ' ', '\u3000'];

    private static string StripBullet(string line) => line.TrimStart(Bullets);

    [GeneratedRegex(@"^(?<caption>\S.*?)\s+(?:摄影|图)\s*[/／]\s*(?<names>\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}·• ]{1,26})$")]
    private static partial Regex CaptionCredit();

    // A source named before the story's first words: 《内蒙古日报》消息.
    [GeneratedRegex(@"^《[^》]{2,12}》消息\s*")]
    private static partial Regex SourceLead();

    /// <summary>The source note opening a paragraph (《内蒙古日报》消息), or null.</summary>
    public static (string Lead, string Text)? ReadSourceLead(string paragraph) =>
        SourceLead().Match(paragraph) is { Success: true } m && m.Length < paragraph.Length ? (m.Value.TrimEnd(), paragraph[m.Length..]) : null;

    /// <summary>A brief that opens with its credit: "(草原云•内蒙古新闻网记者 周 蕾)机械轰鸣作响…".</summary>
    public static (List<ParsedByline> Credits, string Printed, string Text)? ReadOpeningCredit(string text)
    {
        if (text.Length < 6 || text[0] is not ('(' or '（'))
        {
            return null;
        }
        var close = text.AsSpan(0, Math.Min(text.Length, 50)).IndexOfAny(')', '）');
        if (close < 2 || close == text.Length - 1)
        {
            return null;
        }
        var names = ReadNames(text[1..close], requireTitle: true);
        return names is null ? null : (names, text[..(close + 1)], text[(close + 1)..].TrimStart());
    }

    // "文/王枝莲", "摄影/吕乐炎", "文·摄影/草原云·北方新报首席记者 牛天甲": what the person did, then who.
    // "作者 张玮 时秀霞", "摄影：王林喜": who did it named by the word itself, with a space or a colon instead of the slash.
    [GeneratedRegex(@"^(?:(?<verb>文[·•]摄影|文[·•]图|文/图|图/文|文|图|摄影|摄)\s*[/／]|(?<verb>作者|摄影)(?:\s*[:：/／]|[ \u3000]))\s*(?<rest>\S.*)$")]
    private static partial Regex VerbCredit();

    /// <summary>Whether a byline line names what was done before who did it (文/王枝莲, 文·摄影/…牛天甲): printed under the
    /// text it credits as often as over it, so under a paragraph it closes that story.</summary>
    public static bool IsWorkCredit(string line) => line.Length <= 80 && VerbCredit().IsMatch(StripBullet(line));

    /// <summary>
    /// A byline line: "□本报记者 李玉琢 实习生 李诗诺", "内蒙古日报社融媒体记者 冯雪玉", "文/王枝莲". It must start with a
    /// title (after an employer's name) or a 文/ 图/ mark, so a short body line is never taken for one.
    /// </summary>
    public static List<ParsedByline>? ReadBylineLine(string line)
    {
        if (line.Length > 80)
        {
            return null;
        }
        var body = StripBullet(line);
        // "记者 李强 摄影报道" names a photographer: a photo credit (ReadPhotoCredit), wherever it stands.
        if (body.Length == 0 || body.EndsWith("摄影报道", StringComparison.Ordinal))
        {
            return null;
        }
        if (VerbCredit().Match(body) is { Success: true } v)
        {
            var verb = v.Groups["verb"].Value;
            var photographed = verb is "图" or "摄影" or "摄";
            var names = ReadNames(v.Groups["rest"].Value, photographed ? BylineRole.Photographer : BylineRole.Author);
            // "摄影/内蒙古日报社融媒体记者 袁永红": the verb says what the person did here; the title only where they work.
            return names is { Count: <= 4 } ? photographed ? names.Select(n => n with { Role = BylineRole.Photographer }).ToList() : names : null;
        }
        if (TitleStart.Contains(body[0]) && RolePrefix().IsMatch(body))
        {
            return ReadNames(body, requireTitle: true);
        }
        return !body.Contains('，', StringComparison.Ordinal) && !body.Contains('。', StringComparison.Ordinal) && CreditNames.OpensWithRole(body)
            ? ReadNames(body, requireTitle: true)
            : null;
    }

    /// <summary>
    /// A photo credit: names followed by 摄, 摄影 or 摄影报道, either a whole line or the end of a caption line.
    /// Returns the caption before it (empty for a whole line) and the photographers; organisations printed in
    /// front of a name are where the photographer works, not a credit of their own.
    /// </summary>
    public static (string Caption, List<ParsedByline> Credits)? ReadPhotoCredit(string line)
    {
        var s = line.TrimEnd();
        if (s.Length is >= 4 and <= 40 && s.Contains("供图", StringComparison.Ordinal) && ReadSuppliedBy(s) is { } supplied)
        {
            return (string.Empty, supplied);
        }
        if (s.Length is >= 4 and <= 40 && StripBullet(s) is ['摄' or '图', ..] shotLine && VerbCredit().Match(shotLine) is { Success: true } shotBy && shotBy.Groups["verb"].Value is "摄影" or "图" or "摄"
            && ReadNames(shotBy.Groups["rest"].Value, BylineRole.Photographer) is { Count: > 0 and <= 3 } shooters)
        {
            // "摄影/内蒙古日报社融媒体记者 袁永红" on its own line: the credit of the photo above, whatever the title says.
            return (string.Empty, shooters.Select(n => n with { Role = BylineRole.Photographer }).ToList());
        }
        if (s.Length > 4 && s[^1] is ')' or '）')
        {
            // "(本报记者 王中宙 摄)" at the end of a caption.
            var open = Math.Max(s.LastIndexOf('('), s.LastIndexOf('（'));
            if (open >= 0 && s.Length - open <= 50 && ReadPhotoCredit(s[(open + 1)..^1]) is { Caption.Length: 0 } inner)
            {
                return (s[..open].TrimEnd(), inner.Credits);
            }
            return null;
        }
        if (s.Length is > 0 and <= 4000 && s.AsSpan().IndexOfAny('/', '／') >= 0 && CaptionCredit().Match(s) is { Success: true } cc && !IsWorkCredit(cc.Groups["caption"].Value) && ReadNames(cc.Groups["names"].Value, BylineRole.Photographer) is { Count: > 0 and <= 3 } shot)
        {
            // "西城公园航拍图 摄影/吕乐炎": the credit after the caption, verb first.
            return (cc.Groups["caption"].Value.TrimEnd(), shot.Select(n => n with { Role = BylineRole.Photographer }).ToList());
        }
        if (s.Length is > 0 and <= 30 && s[^1] == '摄' && !s.Contains('，', StringComparison.Ordinal) && CreditNames.OpensWithRole(StripBullet(s))
            && ReadNames(StripBullet(s)[..^1], BylineRole.Photographer, requireTitle: true) is { Count: > 0 and <= 3 } whole)
        {
            // "新华社记者彭 源摄": a whole line of credit, the employer in front.
            return (string.Empty, whole.Select(n => n with { Role = BylineRole.Photographer }).ToList());
        }
        if (s.Length is > 12 and <= 4000 && s[^1] == '摄' && !char.IsWhiteSpace(s[^2]) && ReadRunInPhotoCredit(s) is { } unspaced)
        {
            return unspaced;
        }
        var verb = s.EndsWith("摄影报道", StringComparison.Ordinal) ? 4 : s.EndsWith("摄影", StringComparison.Ordinal) ? 2 : s.EndsWith('摄') ? 1 : 0;
        if (verb == 0 || s.Length > 4000)
        {
            return null;
        }
        var end = s.Length - verb;
        var spaced = end > 0 && char.IsWhiteSpace(s[end - 1]);
        // Walk back over whitespace-separated name tokens (a bounded number, so a long line costs nothing).
        var start = end;
        var tokens = 0;
        var firstTitled = -1;
        while (tokens < 10)
        {
            var e = start;
            while (e > 0 && char.IsWhiteSpace(s[e - 1]))
            {
                e--;
            }
            var b = e;
            while (b > 0 && !char.IsWhiteSpace(s[b - 1]) && e - b < 20)
            {
                b--;
            }
            if (b == e || (b > 0 && !char.IsWhiteSpace(s[b - 1])))
            {
                break;
            }
            if (e - b == 1 && TextRules.IsIdeograph(s[b]) && PaddedNameStart(s, b) is var pb and >= 0)
            {
                // "王　鹏 摄": a two-character name set in three characters' width.
                b = pb;
            }
            var token = TextRules.Squeeze(StripBullet(s[b..e]));
            var titled = RolePrefix().IsMatch(token) || (b < e && s[b] is '■' or '□' or '●' or '◎');
            if (!(IsName(token) || (titled && (token.Length == 0 || RolePrefix().Match(token) is { Success: true } rm && (rm.Length == token.Length || IsName(token[rm.Length..]))))))
            {
                break;
            }
            start = b;
            tokens++;
            if (titled)
            {
                firstTitled = b;
            }
        }
        if (tokens == 0)
        {
            return null;
        }
        var caption = s[..start].TrimEnd();
        if (caption.Length > 0 && !TextRules.EndsSentence(caption) && firstTitled < 0 && TitleAfterSentence().Match(caption) is { Success: true } runIn)
        {
            // "图为农民在播种。记者 刘洋 摄": the reporter's title set right after the caption's full stop.
            firstTitled = runIn.Groups["title"].Index;
        }
        if (caption.Length > 0 && !TextRules.EndsSentence(caption))
        {
            // The caption's last words are not names: the credit starts at its first title or bullet.
            if (firstTitled < 0)
            {
                return null;
            }
            start = firstTitled;
            caption = s[..start].TrimEnd();
            if (caption.Length > 0 && !TextRules.EndsSentence(caption) && !char.IsWhiteSpace(s[start - 1]))
            {
                return null;
            }
        }
        var credit = s[start..end].Trim();
        if (!spaced && !RolePrefix().IsMatch(StripBullet(credit)))
        {
            return null;
        }
        var names = ReadNames(StripBullet(credit), BylineRole.Photographer);
        if (names is null)
        {
            return null;
        }
        var photographers = names.Where(n => !LooksLikeOrganisation(n.Name)).Select(n => n with { Role = BylineRole.Photographer }).ToList();
        return photographers.Count == 0 || photographers.Any(n => n.Name.Length > 6) ? null : (caption, photographers);
    }

    // "供图：科左中旗旗委宣传部", "科左中旗融媒体中心供图", "供图/王林": who supplied the photo, before or after the word.
    [GeneratedRegex(@"^(?:供图\s*[:：/／]?\s*(?<names>\S.*)|(?<names>\S.*?)\s*供图)$")]
    private static partial Regex SuppliedBy();

    /// <summary>The credit of a supplied photo: an organisation that supplied it is its credit (机构), a person its photographer.</summary>
    private static List<ParsedByline>? ReadSuppliedBy(string credit)
    {
        if (SuppliedBy().Match(credit) is not { Success: true } m || ReadNames(m.Groups["names"].Value, BylineRole.Photographer) is not { Count: > 0 and <= 3 } names)
        {
            return null;
        }
        return names.Select(n => LooksLikeOrganisation(n.Name) ? n with { Role = BylineRole.Organization } : n with { Role = BylineRole.Photographer }).ToList();
    }

    /// <summary>A dateline at the start of a paragraph: 本报包头6月2日电(记者 格日勒图) ….</summary>
    public static DatelineMatch? ReadDateline(string paragraph)
    {
        if (!paragraph.StartsWith("本报", StringComparison.Ordinal) && !paragraph.StartsWith("新报", StringComparison.Ordinal)
            && !paragraph.StartsWith("本网", StringComparison.Ordinal) && !paragraph.StartsWith("北方新报", StringComparison.Ordinal)
            && !paragraph.StartsWith("新华社", StringComparison.Ordinal) && !paragraph.StartsWith("中新社", StringComparison.Ordinal)
            && paragraph.AsSpan(0, Math.Min(paragraph.Length, 4)).IndexOf('网') < 1)
        {
            return null;
        }
        var m = DatelineStart().Match(paragraph);
        if (!m.Success)
        {
            return null;
        }
        // "…网" and "消息" begin ordinary sentences too (电网, 消息称): an outlet's lead always prints its date.
        if ((m.Groups["outlet"].Success || m.Groups["kind"].Value == "消息") && !m.Groups["date"].Success)
        {
            return null;
        }
        var place = m.Groups["place"].Value;
        if (place.Contains("记者", StringComparison.Ordinal) || place.Contains('讯', StringComparison.Ordinal))
        {
            return null;
        }
        var rest = m.Groups["rest"].Value;
        var hasCredit = m.Groups["credit"].Success;
        var hasDate = m.Groups["date"].Success;
        // 电 also begins 电话, 电视, 电力: without brackets or a date, a space must follow.
        if (!hasCredit && !hasDate && rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            return null;
        }
        if (!hasCredit && hasDate && rest.Length > 0 && TextRules.IsIdeograph(rest[0]) && m.Groups["kind"].Value == "电"
            && rest[0] is '话' or '视' or '力' or '网' or '厂' or '站' or '池' or '子' or '商' or '影')
        {
            return null;
        }
        IReadOnlyList<ParsedByline> credits = [];
        if (hasCredit)
        {
            var inner = m.Groups["credit"].Value.Trim();
            if (inner.Length > 0)
            {
                var names = ReadNames(inner);
                if (names is null)
                {
                    return null;
                }
                credits = names;
            }
        }
        // A 消息 lead is the broadcaster's 讯: the store knows datelines as 讯 or 电.
        var kind = m.Groups["kind"].Value == "消息" ? "讯" : m.Groups["kind"].Value;
        var dateline = new ParsedDateline(place.Length > 0 ? place : null, hasDate ? m.Groups["date"].Value : null, kind);
        return new DatelineMatch(dateline, credits, rest.TrimStart());
    }

    /// <summary>
    /// A credit in brackets at the end of a paragraph: (王林喜), (融媒体记者 郝颀 实习生 陈洋), (海南区融媒体中心).
    /// Only after the end of a sentence, or as a line of its own, so "(综合保障楼)" inside a sentence is left alone.
    /// </summary>
    public static (string Text, List<ParsedByline> Credits, string Printed)? ReadTrailingCredit(string paragraph)
    {
        var s = paragraph.TrimEnd();
        if (s.Length < 4 || s[^1] is not (')' or '）'))
        {
            return null;
        }
        var open = Math.Max(s.LastIndexOf('('), s.LastIndexOf('（'));
        if (open < 0 || s.Length - open > 50)
        {
            return null;
        }
        var before = s[..open].TrimEnd();
        if (before.Length > 0 && !TextRules.EndsSentence(before))
        {
            return null;
        }
        var inner = s[(open + 1)..^1].Trim();
        var names = ReadNames(inner);
        if (names is null || names.Any(n => n.Role == BylineRole.Author && n.Name.Length > 6))
        {
            return null;
        }
        return (before, names, s[open..]);
    }
}
