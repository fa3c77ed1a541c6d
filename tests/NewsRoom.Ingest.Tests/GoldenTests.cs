using System.Text.Json;

namespace NewsRoom.Ingest.Tests;

/// <summary>The seeds against the hand-checked gold file, measured the way shared/eval/score.py measures them.</summary>
public class GoldenTests
{
    private static readonly JsonElement[] Gold = LoadGold();

    private static readonly Dictionary<string, ParsedIssue> Parsed =
        Pages.SeedFiles.Select(Path.GetFileName).ToDictionary(f => f!, f => Pages.ParseSeed(f!), StringComparer.Ordinal);

    private static JsonElement[] LoadGold()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "gold", "seeds-gold.json")));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static TheoryData<int> GoldItems()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Gold.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.String ? e.GetProperty(name).GetString() : null;

    private static string Title(ParsedArticle a) => Pages.Norm((a.Kicker ?? "") + (a.Headline ?? "") + (a.Subheadline ?? ""));

    private static string First(ParsedArticle a) =>
        a.Body.Count > 0 ? Pages.Norm(a.Body[0]) : a.Photos.Count > 0 ? Pages.Norm(a.Photos[0].Caption) : string.Empty;

    private static bool Matches(JsonElement g, ParsedArticle a)
    {
        if (Str(g, "headline") is { } headline)
        {
            var h = Pages.Norm(headline);
            var t = Title(a);
            return t.Length > 0 && t.Contains(h, StringComparison.Ordinal)
                && t.Length <= h.Length + Pages.Norm(Str(g, "kicker")).Length + Pages.Norm(Str(g, "column")).Length + 6;
        }
        var firstBody = Pages.Norm(Str(g, "firstBody"));
        return firstBody.Length > 0 && First(a).StartsWith(firstBody[..Math.Min(12, firstBody.Length)], StringComparison.Ordinal);
    }

    // Items are matched in gold order, each parsed item used once, as score.py does.
    private static readonly Dictionary<int, ParsedArticle?> Pairs = Pair();

    private static Dictionary<int, ParsedArticle?> Pair()
    {
        var used = new HashSet<ParsedArticle>(ReferenceEqualityComparer.Instance);
        var pairs = new Dictionary<int, ParsedArticle?>();
        for (var i = 0; i < Gold.Length; i++)
        {
            var issue = Parsed[Str(Gold[i], "file")!];
            var match = issue.Articles.FirstOrDefault(a => !used.Contains(a) && Matches(Gold[i], a));
            if (match is not null)
            {
                used.Add(match);
            }
            pairs[i] = match;
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(GoldItems))]
    public void Parse_GoldItem_IsFoundWithItsBylinesRegionAndText(int index)
    {
        var g = Gold[index];
        var a = Pairs[index];
        Assert.True(a is not null, $"no parsed item matches gold item {index}: {Str(g, "headline") ?? Str(g, "firstBody")}");

        var goldBylines = g.GetProperty("bylines").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("role").GetString()!, StringComparer.Ordinal);
        var bylines = a.Bylines.ToDictionary(b => b.Name, b => b.Role.ToChinese(), StringComparer.Ordinal);
        Assert.Equal(goldBylines.OrderBy(kv => kv.Key, StringComparer.Ordinal), bylines.OrderBy(kv => kv.Key, StringComparer.Ordinal));

        var leagues = g.GetProperty("leagueCity").EnumerateArray().Select(x => x.GetString()).ToList();
        var primary = a.Regions.Count > 0 ? a.Regions[0] : null;
        if (leagues.Count == 0)
        {
            Assert.Null(primary);
        }
        else
        {
            Assert.Contains(primary, leagues);
        }

        if (Str(g, "firstBody") is { } first)
        {
            Assert.StartsWith(Pages.Norm(first), First(a), StringComparison.Ordinal);
        }
        var body = Pages.Norm(Pages.AllText(a));
        if (Str(g, "lastBody") is { } last)
        {
            Assert.Contains(Pages.Norm(last), body, StringComparison.Ordinal);
        }
        foreach (var joined in g.GetProperty("joined").EnumerateArray())
        {
            Assert.Contains(Pages.Norm(joined.GetString()), body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_Seeds_GiveNoItemsBeyondTheGold()
    {
        var matched = Pairs.Values.Where(a => a is not null).ToHashSet(ReferenceEqualityComparer.Instance);
        var extra = Parsed.Values.SelectMany(i => i.Articles).Where(a => !matched.Contains(a)).Select(a => a.Headline ?? (a.Body.Count > 0 ? a.Body[0] : null)).ToList();
        Assert.Empty(extra);
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Parse_Seed_LosesNoLine(string file)
    {
        var issue = Parsed[file];
        Assert.Empty(LostLines.Find(issue, Pages.SeedText(file)));
        Assert.Equal(file, issue.File);
    }

    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in Pages.SeedFiles)
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }
}
