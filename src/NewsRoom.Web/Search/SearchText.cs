using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsRoom.Web.Search;

/// <summary>
/// What a reader typed, made safe: words of plain text, never query syntax. Broken UTF-16, control and format
/// characters are dropped, and the length is capped, so any input gives results or none, never an error.
/// </summary>
public static class SearchText
{
    /// <summary>Characters of the query kept; more is never a meaningful news search.</summary>
    public const int MaxLength = 64;

    /// <summary>Words of a query; more are ignored.</summary>
    public const int MaxWords = 6;

    // Chinese as itself, like the rest of the site, and markup escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The query's words: whitespace-separated, cleaned, lower-cased (as the index folds case), distinct.</summary>
    public static IReadOnlyList<string> Words(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return [];
        }
        var text = new StringBuilder();
        var kept = 0;
        var span = input.AsSpan(0, Math.Min(input.Length, MaxLength * 4));
        while (!span.IsEmpty && kept < MaxLength)
        {
            var status = Rune.DecodeFromUtf16(span, out var rune, out var consumed);
            span = span[consumed..];
            if (status != System.Buffers.OperationStatus.Done)
            {
                continue; // a lone surrogate is no character at all
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                text.Append(' ');
                continue;
            }
            if (category is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
            {
                continue;
            }
            text.Append(Rune.ToLowerInvariant(rune).ToString());
            kept++;
        }
        return text.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
    }

    /// <summary>Characters (not UTF-16 units) in a word: the trigram index needs three.</summary>
    public static int Length(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var count = 0;
        foreach (var _ in word.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>A word as an FTS5 phrase: quoted, inner quotes doubled, so it is always text and never syntax.</summary>
    public static string Phrase(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// The text with every occurrence of the words in &lt;mark&gt;, all of it HTML-escaped: built from the stored
    /// text, never from the index's own highlighting, so nothing in an article can become markup.
    /// With a width, a window of about that many characters around the first match, with … where cut.
    /// </summary>
    public static string Highlight(string? text, IReadOnlyList<string> words, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var longestFirst = words.Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();
        int start = 0, end = text.Length;
        if (width is { } w)
        {
            var first = longestFirst.Select(word => text.IndexOf(word, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
            start = Math.Max(0, first - (w / 4));
            end = Math.Min(text.Length, start + w);
            if (start > 0 && char.IsLowSurrogate(text[start]))
            {
                start--;
            }
            if (end < text.Length && char.IsLowSurrogate(text[end]))
            {
                end++;
            }
        }

        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }
        var plainFrom = start;
        var i = start;
        while (i < end)
        {
            var match = longestFirst.FirstOrDefault(word => i + word.Length <= end && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0);
            if (match is null)
            {
                i++;
                continue;
            }
            html.Append(Encoder.Encode(text[plainFrom..i]));
            html.Append("<mark>").Append(Encoder.Encode(text.Substring(i, match.Length))).Append("</mark>");
            i += match.Length;
            plainFrom = i;
        }
        html.Append(Encoder.Encode(text[plainFrom..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }
        return html.ToString();
    }
}
