using System.Text;
using System.Text.Json;

namespace NewsRoom.Ingest.Tests;

/// <summary>
/// A gold file and the pages it describes, parsed and paired the way shared/eval/score.py pairs them:
/// by headline (kicker and column may be folded in, a few characters of slack), else by the first paragraph.
/// </summary>
internal sealed class GoldSet
{
    public GoldSet(string goldPath, string pageDir)
    {
        PageDir = pageDir;
        using (var doc = JsonDocument.Parse(File.ReadAllText(goldPath)))
        {
            Gold = doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
        }
        Parsed = Directory.GetFiles(pageDir, "*.txt").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => f!, f => PageParser.Parse(f!, Text(f!)), StringComparer.Ordinal);
        var used = new HashSet<ParsedArticle>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Gold.Length; i++)
        {
            var issue = Parsed[Str(Gold[i], "file")!];
            var match = issue.Articles.FirstOrDefault(a => !used.Contains(a) && Matches(Gold[i], a));
            if (match is not null)
            {
                used.Add(match);
            }
            Pairs[i] = match;
        }
    }

    public string PageDir { get; }

    public JsonElement[] Gold { get; }

    public Dictionary<string, ParsedIssue> Parsed { get; }

    public Dictionary<int, ParsedArticle?> Pairs { get; } = [];

    public string Text(string file) => File.ReadAllText(Path.Combine(PageDir, file), Encoding.UTF8);

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

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

    /// <summary>Asserts what score.py measures for gold item <paramref name="index"/>: found, bylines and roles, primary region, first and last sentence, rejoined paragraphs.</summary>
    public void AssertItem(int index)
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

    /// <summary>Parsed items no gold item matched, by headline or first paragraph.</summary>
    public List<string?> Extra()
    {
        var matched = Pairs.Values.Where(a => a is not null).ToHashSet(ReferenceEqualityComparer.Instance);
        return Parsed.Values.SelectMany(i => i.Articles).Where(a => !matched.Contains(a)).Select(a => a.Headline ?? (a.Body.Count > 0 ? a.Body[0] : null)).ToList();
    }

    public TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Gold.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    public TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Parsed.Keys)
        {
            data.Add(f);
        }
        return data;
    }
}
