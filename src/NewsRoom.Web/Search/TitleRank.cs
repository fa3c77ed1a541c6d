namespace NewsRoom.Web.Search;

/// <summary>
/// The title tier's order for one word, computed here exactly as FTS5's bm25 computes the <c>rank</c> of the
/// column-filtered query <c>{Headline Kicker Subheadline} : "word"</c> (sqlite/ext/fts5/fts5_aux.c, fts5Bm25Function).
/// bm25 first counts the phrase's matches with a full second pass over the index for its idf; for a phrase of several
/// common trigrams that pass alone costs as much as the query. Here the one pass returns every title match with its
/// titles and token count, which is all the formula needs: the count is the idf's, the titles give the weighted
/// frequency, and the index's own shadow tables (documented in the FTS5 manual) give the row and average lengths.
/// Only for what it can count exactly: one word of CJK ideographs (which case folding leaves alone), no filters,
/// the rank function the AddArticleSearch migration configured; otherwise, or if a title it reads holds no
/// occurrence where the index saw one, it declines and the search asks SQLite to rank. It reads the index's shadow
/// tables, so a change to the index (columns, content, tokenizer) must be checked against it: SearchRankingTests
/// compare its order with SQLite's.
/// </summary>
internal static class TitleRank
{
    /// <summary>The rank function configured by the AddArticleSearch migration; its first three weights are the title columns'.</summary>
    public const string Bm25 = "bm25(10.0, 4.0, 4.0, 1.0, 2.0, 3.0)";

    private static readonly double[] TitleWeights = [10.0, 4.0, 4.0];

    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Whether the word is one this class can count in a title exactly as the trigram index does.</summary>
    public static bool Applies(IReadOnlyList<string> words) =>
        words.Count == 1 && SearchText.Length(words[0]) >= 3 && words[0].All(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');

    /// <summary>
    /// The title matches of the word in rank order (then newest stored first, as <c>ORDER BY rank, rowid DESC</c>);
    /// <see cref="TitleRanking.TooMany"/> when more than <paramref name="limit"/> match, as those are not to be
    /// ranked; null when it declines.
    /// </summary>
    public static async Task<TitleRanking?> RankAsync(ArticleSearchIndex index, string word, string inTitles, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (await index.TitleMatchesAsync(inTitles, limit, cancellationToken) is not { } found)
        {
            return TitleRanking.TooMany;
        }
        if (found.Rows.Count == 0)
        {
            return new TitleRanking([]);
        }
        if (found.RankFunction != Bm25 || found.Averages is not { } averages)
        {
            return null;
        }
        // The averages record: the number of rows, then the tokens of each column in all rows.
        var at = 0;
        var rows = Varint(averages, ref at);
        long tokens = 0;
        while (at < averages.Length)
        {
            tokens += Varint(averages, ref at);
        }

        var matches = new List<(long Id, double Frequency, long Length)>(found.Rows.Count);
        foreach (var row in found.Rows)
        {
            var frequency = 0.0;
            string?[] titles = [row.Headline, row.Kicker, row.Subheadline];
            for (var column = 0; column < TitleWeights.Length; column++)
            {
                // Instances in column order, each adding its column's weight, as bm25 adds them.
                for (var n = titles[column] is { } title ? Occurrences(title, word) : 0; n > 0; n--)
                {
                    frequency += TitleWeights[column];
                }
            }
            if (frequency == 0)
            {
                return null;
            }
            var sizeAt = 0;
            long length = 0;
            while (sizeAt < row.Sizes.Length)
            {
                length += Varint(row.Sizes, ref sizeAt);
            }
            matches.Add((row.Id, frequency, length));
        }
        return new TitleRanking(Order(matches, rows, tokens));
    }

    // fts5Bm25Function with one phrase, its operations in the same order so that the doubles come out the same.
    private static List<int> Order(List<(long Id, double Frequency, long Length)> matches, long rows, long tokens)
    {
        var averageLength = (double)tokens / (double)rows;
        var hits = (long)matches.Count;
        var idf = Math.Log(((rows - hits) + 0.5) / (hits + 0.5));
        if (idf <= 0.0)
        {
            idf = 1e-6;
        }
        return matches
            .Select(m =>
            {
                var d = (double)m.Length;
                var score = 0.0 + (idf * ((m.Frequency * (K1 + 1.0)) / (m.Frequency + (K1 * ((1 - B) + (B * d / averageLength))))));
                return (m.Id, Rank: -1.0 * score);
            })
            .OrderBy(m => m.Rank)
            .ThenByDescending(m => m.Id)
            .Select(m => (int)m.Id)
            .ToList();
    }

    // Overlapping occurrences, as the trigram index finds the phrase at every position it starts.
    private static int Occurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    // SQLite's varint, as FTS5 writes its sizes and totals: big-endian 7-bit groups, the ninth byte whole.
    private static long Varint(byte[] bytes, ref int at)
    {
        long value = 0;
        for (var i = 0; i < 8; i++)
        {
            var b = bytes[at++];
            value = (value << 7) | (long)(b & 0x7f);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        return (value << 8) | bytes[at++];
    }
}

/// <summary>Title matches in rank order; null ids when too many to rank.</summary>
internal sealed record TitleRanking(List<int>? Ids)
{
    public static readonly TitleRanking TooMany = new((List<int>?)null);
}
