using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NewsRoom.Web.Import;

/// <summary>
/// Names each parsed item so that a re-import finds the article it made before: the key comes from what
/// identifies a story to a reader (its kind and headline, or the start of its text), not from its position,
/// so ids survive the parser finding one more item above it.
/// </summary>
public static class ImportKeys
{
    public static IReadOnlyList<string> For(IReadOnlyList<ParsedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(articles.Count);
        foreach (var article in articles)
        {
            var key = Hash($"{article.Kind}|{Identity(article)}")[..16];
            var n = seen.GetValueOrDefault(key) + 1;
            seen[key] = n;
            keys.Add(n == 1 ? key : $"{key}-{n}");
        }
        return keys;
    }

    /// <summary>Changes whenever anything the import would store for the item changes.</summary>
    public static string Fingerprint(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Hash(JsonSerializer.Serialize(article with { FirstLine = 0 }));
    }

    /// <summary>The title a person would use to name the item in a list.</summary>
    public static string? TitleOf(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Headline ?? Truncate(FirstText(article), 30);
    }

    private static string Identity(ParsedArticle article) =>
        article.Headline is { Length: > 0 } headline
            ? headline
            : Truncate(FirstText(article), 40) ?? string.Empty;

    private static string? FirstText(ParsedArticle article) =>
        article.Body.Count > 0 ? article.Body[0] : article.Photos.Count > 0 ? article.Photos[0].Caption : null;

    private static string? Truncate(string? text, int length) =>
        text is null ? null : text.Length <= length ? text : text[..length];

    internal static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
