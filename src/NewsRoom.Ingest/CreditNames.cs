using System.Text.RegularExpressions;

namespace NewsRoom.Ingest;

/// <summary>
/// Reads the names in a credit and the role printed before each: "记者 郭洪申 薛一群 通讯员 赵文嘉",
/// "内蒙古日报社融媒体记者 冯雪玉", "草原全媒·北方新报首席记者查娜记者张圆". What stands before a role and is an
/// organisation (本报, 内蒙古日报社, XX旗融媒体中心) is where the person works, not a credit.
/// </summary>
internal static partial class CreditNames
{
    // A role word anywhere in a token, with the qualifiers papers print right before it.
    [GeneratedRegex(@"(?:特派|首席|特约|见习|草原全媒|全媒体|融媒体|摄影)?(?:实习)?(?:记者|通讯员|实习生)")]
    private static partial Regex RoleWord();

    [GeneratedRegex(@"(记者|通讯员|实习生)(\p{IsCJKUnifiedIdeographs})[ \u3000]+(\p{IsCJKUnifiedIdeographs})(?!\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex PaddedAfterRole();

    private static readonly char[] Separators = [' ', '\u3000', '\t'];

    private static readonly string[] Sources = ["本报", "新报", "本网", "北方新报", "内蒙古日报", "内蒙日报", "新华社", "中新社", "草原云"];

    private static readonly string[] AffiliationEndings = ["社", "报", "网", "中心", "全媒", "云", "台", "站", "频道", "新闻"];

    // Words printed among the names that are not names: "本报记者 李玉琢 报道".
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal) { "报道", "综合报道", "整理", "编辑", "供稿", "采写", "文", "图", "文图", "图文", "摄", "文/图", "图/文", "文/", "图/" };

    // The commonest surnames, for splitting names printed without spaces; a wrong split is warned about.
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static bool IsName(string token) =>
        token.Length is >= 2 and <= 12 && token.All(c => TextRules.IsIdeograph(c) || c is '·' or '•');

    /// <summary>The part of a token before a role word is an employer, not a person.</summary>
    private static bool IsAffiliation(string s) =>
        s.Length > 0 && (Array.Exists(Sources, p => s.StartsWith(p, StringComparison.Ordinal))
            || s.Contains('·', StringComparison.Ordinal) || s.Contains('•', StringComparison.Ordinal)
            || Array.Exists(AffiliationEndings, e => s.EndsWith(e, StringComparison.Ordinal))
            || s.StartsWith('驻'));

    /// <summary>The role a printed title stands for: 特派记者 is a 记者, 北方新报融媒体记者 a 融媒体记者.</summary>
    public static BylineRole RoleOf(string title) =>
        title.EndsWith("实习生", StringComparison.Ordinal) ? BylineRole.Intern
        : title.EndsWith("通讯员", StringComparison.Ordinal) ? BylineRole.Correspondent
        : title.Contains("实习记者", StringComparison.Ordinal) ? BylineRole.InternReporter
        : title.Contains("融媒体", StringComparison.Ordinal) ? BylineRole.MediaReporter
        : BylineRole.Reporter;

    /// <summary>
    /// Reads a run of names with their titles. A name with no title takes <paramref name="untitled"/>, or is the
    /// author (an organisation when it reads like one). Null when anything in it is not a name.
    /// <paramref name="guessed"/> is set when names printed without spaces were split by surname.
    /// </summary>
    public static List<ParsedByline>? Read(string text, BylineRole? untitled, bool requireTitle, Func<string, bool> looksLikeOrganisation, out bool guessed)
    {
        guessed = false;
        var result = new List<ParsedByline>();
        BylineRole? role = null;
        var sawTitle = false;
        var photographed = false;
        // "新华社记者彭 源": a padded name run into its title.
        text = PaddedAfterRole().Replace(text, "$1$2$3");
        var tokens = JoinPaddedNames(text.Replace(':', ' ').Replace('：', ' ').Split(Separators, StringSplitOptions.RemoveEmptyEntries));
        foreach (var raw in tokens)
        {
            var token = raw;
            if (NotNames.Contains(token))
            {
                continue;
            }
            if (token.StartsWith("文/", StringComparison.Ordinal) || token.StartsWith("图/", StringComparison.Ordinal))
            {
                // "文/本报记者 高敏 图/本报记者 刘伟": from 图/ on, the names took the photos, whatever their title.
                photographed = token[0] == '图';
                token = token[2..];
            }
            BylineRole? suffixRole = null;
            if (token.EndsWith("/文", StringComparison.Ordinal) || token.EndsWith("/图", StringComparison.Ordinal))
            {
                // "刘艳霞/文 王劭凯/图": who wrote and who took the photos.
                suffixRole = token[^1] == '图' ? BylineRole.Photographer : null;
                token = token[..^2];
            }
            if (token.StartsWith('据') || (token.StartsWith("本报", StringComparison.Ordinal) && !RoleWord().IsMatch(token)))
            {
                // (据新华社), (本报综合): a source note, not a credit.
                return null;
            }
            if (tokens.Count > 1 && Gazetteer.InnerMongolia.ByName(token) is not null && !looksLikeOrganisation(token))
            {
                // (杭锦旗 王裴): where the writer is, printed before the name.
                continue;
            }
            var runTogether = false;
            while (token.Length > 0)
            {
                var m = RoleWord().Match(token);
                var before = m.Success ? token[..m.Index] : token;
                if (!m.Success && role is not null && SplitAffiliation(before) is { } employed)
                {
                    // "满洲里电台王金玲": the employer run into the name of the person the title before it covers.
                    before = employed;
                }
                if (before.Length > 0 && !(m.Success && IsAffiliation(before)))
                {
                    if (!IsName(before))
                    {
                        return null;
                    }
                    var r = suffixRole ?? (photographed ? BylineRole.Photographer : (BylineRole?)null) ?? role ?? untitled ?? (looksLikeOrganisation(before) ? BylineRole.Organization : BylineRole.Author);
                    if (role is not null && untitled is null && looksLikeOrganisation(before))
                    {
                        r = BylineRole.Organization;
                    }
                    runTogether |= m.Success;
                    foreach (var name in runTogether && before.Length >= 6 && r != BylineRole.Organization ? SplitBySurname(before, ref guessed) : [before])
                    {
                        result.Add(new ParsedByline(name, r));
                    }
                }
                if (!m.Success)
                {
                    break;
                }
                role = RoleOf(m.Value);
                sawTitle = true;
                runTogether = true;
                token = token[(m.Index + m.Length)..];
            }
        }
        if (result.Count == 0 || (requireTitle && !sawTitle))
        {
            return null;
        }
        return result;
    }

    // Employers printed before a name with no space: 电台, 电视台, 报社, 新闻网, 融媒体中心.
    private static readonly string[] EmployerEndings = ["电视台", "电台", "报社", "新闻网", "融媒体中心", "新闻中心"];

    /// <summary>The name after an employer run into it ("满洲里电台王金玲" gives 王金玲), or null.</summary>
    private static string? SplitAffiliation(string token)
    {
        foreach (var ending in EmployerEndings)
        {
            var at = token.LastIndexOf(ending, StringComparison.Ordinal);
            var rest = at < 0 ? 0 : token.Length - at - ending.Length;
            if (at > 0 && rest is >= 2 and <= 4)
            {
                return token[(at + ending.Length)..];
            }
        }
        return null;
    }

    /// <summary>Whether a role word opens the text, after an employer's name (内蒙古日报社融媒体记者 …).</summary>
    /// <summary>Whether a character is one of the commonest surnames.</summary>
    public static bool IsSurname(char c) => Surnames.Contains(c, StringComparison.Ordinal);

    public static bool OpensWithRole(string text)
    {
        // A role word opening the credit starts within its first 16 characters; the rest of a long line is not searched.
        var m = RoleWord().Match(text, 0, Math.Min(text.Length, 16 + 9));
        return m.Success && m.Index <= 16 && (m.Index == 0 || IsAffiliation(text[..m.Index].Trim()));
    }

    // Names of two or three characters, each starting with a surname; the split with most known surnames wins.
    private static List<string> SplitBySurname(string s, ref bool guessed)
    {
        var n = s.Length;
        var best = new double[n + 1];
        var cut = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var i = 2; i <= n; i++)
        {
            for (var len = 2; len <= 3 && len <= i; len++)
            {
                if (double.IsNegativeInfinity(best[i - len]))
                {
                    continue;
                }
                // A known surname starts a name; one ending a name is more often the next name's surname, which
                // breaks ties such as 张圆蒙古乐樊文礼 (张圆 蒙古乐 樊文礼, not 张圆蒙 古乐樊 文礼).
                var score = best[i - len] + (Surnames.Contains(s[i - len], StringComparison.Ordinal) ? 2 : 0) + (len == 3 ? 0.5 : 0.3)
                    - (Surnames.Contains(s[i - 1], StringComparison.Ordinal) ? 0.1 : 0);
                if (score > best[i])
                {
                    best[i] = score;
                    cut[i] = len;
                }
            }
        }
        if (double.IsNegativeInfinity(best[n]))
        {
            return [s];
        }
        guessed = true;
        var parts = new List<string>();
        for (var i = n; i > 0; i -= cut[i])
        {
            parts.Insert(0, s[(i - cut[i])..i]);
        }
        return parts;
    }

    private static bool IsSingleIdeograph(string token) => token.Length == 1 && TextRules.IsIdeograph(token[0]);

    /// <summary>
    /// Papers set a two-character name to the width of a three-character one ("记者 王　磊"): two single
    /// characters in a row are one name. A single character is never a name on its own.
    /// </summary>
    private static List<string> JoinPaddedNames(string[] tokens)
    {
        var result = new List<string>(tokens.Length);
        for (var k = 0; k < tokens.Length; k++)
        {
            if (k + 1 < tokens.Length && IsSingleIdeograph(tokens[k]) && !NotNames.Contains(tokens[k]) && IsSingleIdeograph(tokens[k + 1]) && !NotNames.Contains(tokens[k + 1]))
            {
                result.Add(tokens[k] + tokens[k + 1]);
                k++;
                continue;
            }
            result.Add(tokens[k]);
        }
        return result;
    }
}
