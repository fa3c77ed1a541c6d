namespace NewsRoom.Ingest;

/// <summary>Finds the divisions of the gazetteer a text names: longest match first, aliases included.</summary>
internal sealed class RegionFinder
{
    private sealed record Name(string Text, int Region, bool IsAlias);

    /// <summary>One mention of a division in a text: its index in <see cref="Gazetteer.Regions"/> and where it stands.</summary>
    public readonly record struct Mention(int Region, int Position);

    // District names that other provinces also have (新城区 of 西安, 青山区 of 武汉, 海南区 and 海南省 …): they
    // count only when the article also names their city or the paper is that city's.
    private static readonly HashSet<string> AmbiguousNames = new(StringComparer.Ordinal)
    {
        "新城区", "青山区", "海南区", "松山区", "红山区", "东河区", "玉泉区", "回民区",
    };

    // Indexed by a name's first character: a text is scanned once, one array read per character.
    private readonly Name[]?[] _byFirstChar = new Name[]?[char.MaxValue + 1];
    private readonly int[] _league;
    private readonly bool[] _ambiguous;

    public RegionFinder(Gazetteer gazetteer)
    {
        Gazetteer = gazetteer;
        var regions = gazetteer.Regions;
        _league = new int[regions.Count];
        _ambiguous = new bool[regions.Count];
        var index = new Dictionary<GazetteerRegion, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < regions.Count; i++)
        {
            index[regions[i]] = i;
        }
        var names = new List<Name>();
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            _league[i] = index[gazetteer.LeagueOf(r)];
            _ambiguous[i] = AmbiguousNames.Contains(r.Name);
            names.Add(new Name(r.Name, i, false));
            foreach (var a in r.Aliases)
            {
                if (a.Length >= 2)
                {
                    names.Add(new Name(a, i, true));
                }
            }
        }
        // Aliases two banners share (扎旗) name neither for sure.
        var shared = names.GroupBy(n => n.Text, StringComparer.Ordinal).Where(g => g.Select(n => n.Region).Distinct().Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var g in names.Where(n => !shared.Contains(n.Text)).GroupBy(n => n.Text[0]))
        {
            _byFirstChar[g.Key] = g.OrderByDescending(n => n.Text.Length).ToArray();
        }
        _firstChars = System.Buffers.SearchValues.Create(names.Where(n => !shared.Contains(n.Text)).Select(n => n.Text[0]).Distinct().ToArray());
    }

    // The characters a name can start with: the scan jumps from one to the next instead of visiting every character.
    private readonly System.Buffers.SearchValues<char> _firstChars;

    public static RegionFinder InnerMongolia { get; } = new(Gazetteer.InnerMongolia);

    public Gazetteer Gazetteer { get; }

    public GazetteerRegion Region(int index) => Gazetteer.Regions[index];

    /// <summary>The league-level division's index for a division's index.</summary>
    public int LeagueOf(int index) => _league[index];

    /// <summary>Every mention in reading order, longest name first at each position (杭锦后旗 is not 杭锦旗).</summary>
    public List<Mention> Find(string text)
    {
        var result = new List<Mention>();
        var i = 0;
        while (i < text.Length)
        {
            var skip = text.AsSpan(i).IndexOfAny(_firstChars);
            if (skip < 0)
            {
                break;
            }
            i += skip;
            var candidates = _byFirstChar[text[i]];
            if (candidates is not null)
            {
                var matched = 0;
                foreach (var n in candidates)
                {
                    if (i + n.Text.Length <= text.Length && text.AsSpan(i, n.Text.Length).SequenceEqual(n.Text) && Plausible(text, i, n))
                    {
                        result.Add(new Mention(n.Region, i));
                        matched = n.Text.Length;
                        break;
                    }
                }
                if (matched > 0)
                {
                    i += matched;
                    continue;
                }
            }
            i++;
        }
        return result;
    }

    private bool Plausible(string text, int at, Name n)
    {
        if (!n.IsAlias)
        {
            return true;
        }
        var end = at + n.Text.Length;
        var next = end < text.Length ? text[end] : '\0';
        var prev = at > 0 ? text[at - 1] : '\0';
        var after = end + 1 < text.Length ? text[end + 1] : '\0';
        // 海拉尔路, 兴安南路, 包头大街: streets are named after cities everywhere.
        if (next is '路' or '街' or '巷' || (next is '大' or '东' or '西' or '南' or '北' or '中' && after is '街' or '道' or '路'))
        {
            return false;
        }
        // 鄂温克族, 鄂伦春族: the people, not the banner (whose full name is matched first).
        if (next == '族')
        {
            return false;
        }
        // 大兴安岭 is a mountain range, not 兴安盟.
        if (n.Text == "兴安" && (next == '岭' || prev == '大'))
        {
            return false;
        }
        if (n.Text.Length > 2 || _league[n.Region] == n.Region || n.Text[^1] is '旗' or '县' or '区' or '市' or '盟')
        {
            return true;
        }
        // A two-character short name (开鲁, 兴和) is also an everyday word: only when a word boundary follows it.
        return !TextRules.IsIdeograph(next) || next is '县' or '旗' or '市' or '区' or '镇' or '乡' or '苏' or '嘎' or '地' or '的' or '等' or '和' or '及' or '与' or '境';
    }

    /// <summary>
    /// The league-level division a page is mostly about, judged by its unambiguous names: at least two of them and
    /// at least half of all; -1 when there is none. A city daily's page is its city's even where it never says 我市.
    /// </summary>
    public int PageLeague(IEnumerable<string> texts) => PageLeague(texts, Find);

    /// <summary>As <see cref="PageLeague(IEnumerable{string})"/>, with the mentions found by <paramref name="find"/> (a page's cache).</summary>
    public int PageLeague(IEnumerable<string> texts, Func<string, List<Mention>> find)
    {
        var counts = new Dictionary<int, int>();
        var total = 0;
        foreach (var text in texts)
        {
            foreach (var m in find(text))
            {
                if (!_ambiguous[m.Region])
                {
                    counts[_league[m.Region]] = counts.GetValueOrDefault(_league[m.Region]) + 1;
                    total++;
                }
            }
        }
        var best = counts.OrderByDescending(kv => kv.Value).FirstOrDefault();
        return counts.Count > 0 && best.Value >= 2 && best.Value * 2 >= total ? best.Key : -1;
    }

    /// <summary>Drops ambiguous district names unless their city is named too, is the paper's home, or is what the page is about.</summary>
    public List<Mention> Resolve(List<Mention> mentions, int homeRegion, int pageLeague = -1)
    {
        if (!mentions.Exists(m => _ambiguous[m.Region]))
        {
            return mentions;
        }
        var leagues = mentions.Where(m => _league[m.Region] == m.Region).Select(m => m.Region).ToHashSet();
        return mentions.Where(m => !_ambiguous[m.Region] || leagues.Contains(_league[m.Region]) || _league[m.Region] == homeRegion || _league[m.Region] == pageLeague).ToList();
    }
}
