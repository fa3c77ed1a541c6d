namespace NewsRoom.Ingest;

/// <summary>The divisions an article is about: what its title, tags and dateline name count most.</summary>
internal static class ArticleRegions
{
    private const int TitleWeight = 3;

    public static (List<string> Regions, List<string> Places) Find(Draft d, List<string> body, List<ParsedPhoto> photos, string? homeRegion)
    {
        var finder = RegionFinder.InnerMongolia;
        var g = finder.Gazetteer;
        var title = string.Join(" ", d.Tags.Append(d.Kicker ?? string.Empty).Append(d.Headline ?? string.Empty).Append(d.Subheadline ?? string.Empty));
        var text = string.Concat(body.Select(b => b + "\n").Concat(photos.Select(p => p.Caption + "\n")));
        var titleMentions = finder.Find(title);
        var placeMentions = d.Dateline?.Place is { } place ? finder.Find(place) : [];
        var bodyMentions = finder.Find(text);
        var all = titleMentions.Concat(placeMentions).Concat(bodyMentions).ToList();
        var kept = finder.Resolve(all, homeRegion).ToHashSet();

        var score = new Dictionary<string, (int Score, int First)>(StringComparer.Ordinal);
        void Count(IEnumerable<RegionFinder.Mention> mentions, int weight, int offset)
        {
            foreach (var m in mentions)
            {
                if (!kept.Contains(m))
                {
                    continue;
                }
                var league = g.LeagueOf(m.Region).Name;
                var (s, f) = score.GetValueOrDefault(league, (0, int.MaxValue));
                score[league] = (s + weight, Math.Min(f, offset + m.Position));
            }
        }
        Count(titleMentions, TitleWeight, 0);
        Count(placeMentions, TitleWeight, 1000);
        Count(bodyMentions, 1, 2000);
        if (homeRegion is not null)
        {
            // 我市 is the paper's own city.
            var ours = CountOccurrences(text, "我市") + CountOccurrences(title, "我市");
            if (ours > 0)
            {
                var (s, f) = score.GetValueOrDefault(homeRegion, (0, int.MaxValue));
                score[homeRegion] = (s + ours, Math.Min(f, 1500));
            }
        }
        var regions = score.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Value.First).Select(kv => kv.Key).ToList();
        if (regions.Count == 0 && homeRegion is not null)
        {
            regions.Add(homeRegion);
        }
        var places = all.Where(m => kept.Contains(m) && !m.Region.IsLeagueLevel).Select(m => m.Region.Name).Distinct(StringComparer.Ordinal).ToList();
        return (regions, places);
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
