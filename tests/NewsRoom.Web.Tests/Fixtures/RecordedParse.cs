using System.Globalization;
using System.Text.Json;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// Reads the JSON of the parse contract (what <c>parse … --json</c> prints) back into parsed issues, so a test can
/// import a page as an earlier parser read it. Only fields the contract has are restored; FirstLine is not in it.
/// </summary>
public static class RecordedParse
{
    /// <summary>The five seeds as main's parser read them before the parser's rebuild.</summary>
    public static string OldSeedsPath => Path.Combine(AppContext.BaseDirectory, "Data", "old-parse-seeds.json");

    public static IReadOnlyList<ParsedIssue> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.EnumerateArray().Select(Issue)];
    }

    private static ParsedIssue Issue(JsonElement e) => new(
        e.GetProperty("file").GetString()!,
        e.GetProperty("paper").GetString(),
        e.GetProperty("homeRegion").GetString(),
        e.GetProperty("date").GetString() is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        [.. e.GetProperty("articles").EnumerateArray().Select(Article)],
        Strings(e, "furniture"),
        Strings(e, "unplaced"),
        Strings(e, "warnings"));

    private static ParsedArticle Article(JsonElement e) => new(
        Enum.Parse<ArticleKind>(e.GetProperty("kind").GetString()!, ignoreCase: true),
        e.GetProperty("column").GetString(),
        e.GetProperty("kicker").GetString(),
        e.GetProperty("headline").GetString(),
        e.GetProperty("subheadline").GetString(),
        Bylines(e.GetProperty("bylines")),
        e.GetProperty("dateline") is { ValueKind: JsonValueKind.Object } d
            ? new ParsedDateline(d.GetProperty("place").GetString(), d.GetProperty("date").GetString(), d.GetProperty("kind").GetString()!)
            : null,
        Strings(e, "body"),
        [.. e.GetProperty("photos").EnumerateArray().Select(p => new ParsedPhoto(
            p.GetProperty("title").GetString(), p.GetProperty("caption").GetString()!, Bylines(p.GetProperty("credits"))))],
        Strings(e, "regions"),
        Strings(e, "places"),
        FirstLine: 0)
    {
        AsPrinted = Strings(e, "asPrinted"),
        Continuation = e.GetProperty("continuation").GetString(),
        Tags = Strings(e, "tags"),
    };

    private static List<ParsedByline> Bylines(JsonElement array) =>
        [.. array.EnumerateArray().Select(b => new ParsedByline(
            b.GetProperty("name").GetString()!,
            BylineRoles.All.Single(r => r.ToChinese() == b.GetProperty("role").GetString())))];

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(s => s.GetString()!)] : [];
}
