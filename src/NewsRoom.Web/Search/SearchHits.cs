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
            // An item printed without a title gets the display title the reader pages show; a search row does not
            // carry its kind, so photo news is told by its text living in a caption.
            var captions = string.Join(" ", captionsOf[row.Id]);
            var title = row.Headline ?? row.Kicker ?? row.Subheadline ?? (body.Trim().Length > 0
                ? DisplayTitles.Derive(ArticleKind.Brief, body)
                : DisplayTitles.Derive(ArticleKind.Photo, captions));
            // The snippet comes from where a word occurs: body first, then the titles and captions.
            var source = new[] { body, row.Subheadline, row.Kicker, captions }
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
