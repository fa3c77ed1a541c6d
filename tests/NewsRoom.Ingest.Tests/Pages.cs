using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsRoom.Ingest.Tests;

/// <summary>The seeds, parsing helpers and the scorers' way of comparing text.</summary>
internal static partial class Pages
{
    public static string SeedDir => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static IEnumerable<string> SeedFiles => Directory.GetFiles(SeedDir, "*.txt").OrderBy(f => f, StringComparer.Ordinal);

    public static string SeedText(string file) => File.ReadAllText(Path.Combine(SeedDir, file), Encoding.UTF8);

    public static ParsedIssue ParseSeed(string file) => PageParser.Parse(file, SeedText(file));

    public static ParsedIssue Parse(string text) => PageParser.Parse("test.txt", text);

    /// <summary>Compares text the way score.py does: width-folded, no spaces, one quote style.</summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return string.Empty;
        }
        var t = Whitespace().Replace(s.Normalize(NormalizationForm.FormKC), string.Empty);
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            sb.Append(c switch
            {
                '“' or '”' or '「' or '」' => '"',
                '‘' or '’' => '\'',
                '—' => '-',
                '·' => '•',
                _ => c,
            });
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static ParsedArticle Single(ParsedIssue issue, string headline) =>
        Assert.Single(issue.Articles, a => Norm(a.Headline).Contains(Norm(headline), StringComparison.Ordinal));

    public static string AllText(ParsedArticle a) => string.Concat(a.Body) + string.Concat(a.Photos.Select(p => p.Caption));

    public static string Json(ParsedIssue issue) => ParseJson.ToJson([issue]);

    public static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<string> Strings(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                yield return e.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    foreach (var s in Strings(p.Value))
                    {
                        yield return s;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var v in e.EnumerateArray())
                {
                    foreach (var s in Strings(v))
                    {
                        yield return s;
                    }
                }
                break;
            default:
                break;
        }
    }
}
