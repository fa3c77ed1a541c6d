using System.Text.RegularExpressions;

namespace NewsRoom.Web.Search;

/// <summary>The found articles as the results page shows them: a title and a snippet with the words marked.</summary>
internal static partial class SearchHits
{
    /// <summary>The hits in the order of the ids; an article no longer published is left out.</summary>
    public static List<SearchHit> From(List<int> ids, SearchHitRows rows, IReadOnlyList<string> words)
    {
        var bylinesOf = rows.Bylines.ToLookup(b => b.ArticleId, b => new SearchByline(b.PersonId, b.Name));
        var captionsOf = rows.Captions.ToLookup(c => c.ArticleId, c => c.Caption);
        var byId = rows.Articles.ToDictionary(r => r.Id);
        var hits = new List<SearchHit>();
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var row) || row.Status != nameof(ArticleStatus.Published))
            {
                continue;
            }
            var body = Whitespace().Replace(row.Body, " ");
            var title = row.Headline ?? row.Kicker ?? row.Subheadline ?? Truncate(body, 30);
            // The snippet comes from where a word occurs: body first, then the titles and captions.
            var source = new[] { body, row.Subheadline, row.Kicker, string.Join(" ", captionsOf[row.Id]) }
                .FirstOrDefault(t => t is not null && words.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? body;
            hits.Add(new SearchHit(
                row.Id,
                SearchText.Highlight(title, words),
                SearchText.Highlight(source, words, 120),
                row.Region,
                row.PublishedAt,
                bylinesOf[row.Id].DistinctBy(b => b.PersonId).ToList()));
        }
        return hits;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
