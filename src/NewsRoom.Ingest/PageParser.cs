using System.Text.RegularExpressions;

namespace NewsRoom.Ingest;

/// <summary>Turns the text of one page dump into articles. Never throws on text: what it cannot place it keeps and warns about.</summary>
public static partial class PageParser
{
    /// <summary>Parses the decoded text of a page dump.</summary>
    public static ParsedIssue Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var articles = new List<ParsedArticle>();
        var unplaced = new List<string>();
        var warnings = new List<string>();
        ArticleDraft? current = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = Clean(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }
            var byline = BylineLine().Match(line);
            if (byline.Success && current is not null)
            {
                current.AddBylines(byline.Groups["names"].Value, byline.Groups["role"].Value);
                continue;
            }
            if (LooksLikeHeadline(line))
            {
                if (current is not null)
                {
                    articles.Add(current.Build());
                }
                current = new ArticleDraft(line, i + 1);
                continue;
            }
            if (current is null)
            {
                unplaced.Add(line);
                warnings.Add($"line {i + 1}: text before the first headline kept as unplaced");
                continue;
            }
            current.Body.Add(line);
        }
        if (current is not null)
        {
            articles.Add(current.Build());
        }
        return new ParsedIssue(fileName, null, null, null, articles, [], unplaced, warnings);
    }

    private static string Clean(string line)
    {
        var trimmed = line.Trim().TrimStart('#').Trim();
        return CjkSpace().Replace(trimmed, string.Empty);
    }

    // A headline is short and does not end a sentence.
    private static bool LooksLikeHeadline(string line) =>
        line.Length <= 40 && !SentenceEnd().IsMatch(line) && !line.StartsWith('(') && !line.StartsWith('(');

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}，。、；：“”])\s+(?=[\p{IsCJKUnifiedIdeographs}，。、；：“”])")]
    private static partial Regex CjkSpace();

    [GeneratedRegex(@"[。！？”\)）]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[□●■]?本报(?<role>记者|融媒体记者|实习记者)\s*(?<names>.+)$")]
    private static partial Regex BylineLine();

    private sealed class ArticleDraft(string headline, int firstLine)
    {
        public List<string> Body { get; } = [];

        private readonly List<ParsedByline> _bylines = [];

        public void AddBylines(string names, string role)
        {
            var parsedRole = BylineRoles.FromChinese(role) ?? BylineRole.Reporter;
            foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (_bylines.All(b => b.Name != name))
                {
                    _bylines.Add(new ParsedByline(name, parsedRole));
                }
            }
        }

        public ParsedArticle Build()
        {
            var text = headline + string.Concat(Body);
            var regions = Gazetteer.InnerMongolia.LeagueLevel
                .Select(r => (Region: r, At: FirstMention(text, r)))
                .Where(x => x.At >= 0)
                .OrderBy(x => x.At)
                .Select(x => x.Region.Name)
                .ToList();
            return new ParsedArticle(ArticleKind.Article, null, null, headline, null, _bylines, null, Body, [], regions, [], firstLine);
        }

        private static int FirstMention(string text, GazetteerRegion region) =>
            region.Aliases.Prepend(region.Name)
                .Where(a => a.Length >= 2)
                .Select(a => text.IndexOf(a, StringComparison.Ordinal))
                .Where(i => i >= 0)
                .DefaultIfEmpty(-1)
                .Min();
    }
}
