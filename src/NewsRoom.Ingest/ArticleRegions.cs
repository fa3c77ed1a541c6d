namespace NewsRoom.Ingest;

/// <summary>The divisions an article is about: what its title, tags and dateline name count most.</summary>
internal static class ArticleRegions
{
    private const int TitleWeight = 3;

    public static (List<string> Regions, List<string> Places) Find(Draft d, List<string> body, List<ParsedPhoto> photos, string? homeRegion, int pageLeague, Func<string, List<RegionFinder.Mention>> find)
    {
        var finder = RegionFinder.InnerMongolia;
        var home = homeRegion is null ? -1 : IndexOf(finder, homeRegion);
        // A column named after a place (正蓝旗, 克什克腾) says where its stories happen.
        var title = string.Join(" ", d.Tags.Append(d.Column ?? string.Empty).Append(d.Kicker ?? string.Empty).Append(d.Headline ?? string.Empty).Append(d.Subheadline ?? string.Empty));
        var mentions = new List<(RegionFinder.Mention Mention, int Weight, int Offset)>();
        foreach (var m in finder.Find(title))
        {
            mentions.Add((m, TitleWeight, 0));
        }
        if (d.Dateline?.Place is { } place)
        {
            foreach (var m in finder.Find(place))
            {
                mentions.Add((m, TitleWeight, 1000));
            }
        }
        var ours = ArticleRegions.CountOccurrences(title, "我市");
        foreach (var text in body.Concat(photos.Select(p => p.Caption)))
        {
            foreach (var m in find(text))
            {
                mentions.Add((m, 1, 2000));
            }
            ours += home >= 0 ? CountOccurrences(text, "我市") : 0;
        }
        var kept = finder.Resolve(mentions.Select(x => x.Mention).ToList(), home, pageLeague).ToHashSet();

        var score = new Dictionary<int, (int Score, int First)>();
        var places = new List<string>();
        foreach (var (m, weight, offset) in mentions)
        {
            if (!kept.Contains(m))
            {
                continue;
            }
            var league = finder.LeagueOf(m.Region);
            var (s, f) = score.GetValueOrDefault(league, (0, int.MaxValue));
            score[league] = (s + weight, Math.Min(f, offset + m.Position));
            if (league != m.Region && !places.Contains(finder.Region(m.Region).Name))
            {
                places.Add(finder.Region(m.Region).Name);
            }
        }
        if (home >= 0 && ours > 0)
        {
            // 我市 is the paper's own city.
            var (s, f) = score.GetValueOrDefault(home, (0, int.MaxValue));
            score[home] = (s + ours, Math.Min(f, 1500));
        }
        if (IsRegionWide(title, score, d.Dateline?.Place is { } datelinePlace ? finder.Find(datelinePlace).Select(m => finder.LeagueOf(m.Region)).ToList() : []))
        {
            // A story of the whole region (全区, 自治区 in its title) naming many leagues in passing is about none of them.
            return ([], places);
        }
        var regions = score.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Value.First).Select(kv => finder.Region(kv.Key).Name).ToList();
        if (regions.Count == 0 && homeRegion is not null)
        {
            regions.Add(homeRegion);
        }
        return (regions, places);
    }

    /// <summary>Leagues needed before a story counts as a round-up, and how far the most named may lead the next.</summary>
    private const int RoundUpLeagues = 3;

    private const double RoundUpLead = 1.5;

    private static readonly string[] WholeRegion = ["全区", "自治区", "我区", "全自治区"];

    // The title speaks of the whole region, the leagues come only from the body, and none is far ahead of the others.
    // A dateline does not count against it: 本报呼和浩特…电 is where the regional desk sits, not what the story is about.
    private static bool IsRegionWide(string title, Dictionary<int, (int Score, int First)> score, List<int> datelineLeagues)
    {
        if (!Array.Exists(WholeRegion, w => title.Contains(w, StringComparison.Ordinal)) || score.Count < RoundUpLeagues || score.Values.Any(v => v.First < 1000))
        {
            return false;
        }
        var top = score.Select(kv => kv.Value.Score - (datelineLeagues.Contains(kv.Key) ? TitleWeight : 0)).OrderByDescending(x => x).Take(2).ToArray();
        return top[0] < top[1] * RoundUpLead;
    }

    private static int IndexOf(RegionFinder finder, string name)
    {
        var regions = finder.Gazetteer.Regions;
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i].Name == name)
            {
                return i;
            }
        }
        return -1;
    }

    public static int CountOccurrences(string text, string word)
    {
        var n = 0;
        var i = 0;
        while ((i = text.IndexOf(word, i, StringComparison.Ordinal)) >= 0)
        {
            n++;
            i += word.Length;
        }
        return n;
    }
}
