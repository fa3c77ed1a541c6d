using System.Globalization;
using Microsoft.Data.Sqlite;

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
    public static async Task<TitleRanking?> RankAsync(SqliteConnection connection, string word, string inTitles, int limit, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            // One statement, so that the totals are read in the same snapshot as the matches, as bm25 reads them; the
            // scalar subqueries run once. The matches' ids come first, at most limit + 1 of them, with their count on the
            // first row: a word with too many title matches is told after one row, before any title is read. The titles
            // come from the index's own copy (c0–c2: Headline, Kicker, Subheadline, as indexed), read directly: through
            // the FTS5 columns every column is loaded, the body too.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                WITH m AS MATERIALIZED (SELECT rowid AS id FROM ArticleSearch WHERE ArticleSearch MATCH $match LIMIT {limit + 1})
                SELECT m.id, c.c0, c.c1, c.c2, d.sz,
                    (SELECT count(*) FROM m),
                    (SELECT v FROM ArticleSearch_config WHERE k = 'rank'),
                    (SELECT block FROM ArticleSearch_data WHERE id = 1)
                FROM m
                CROSS JOIN ArticleSearch_content c ON c.id = m.id CROSS JOIN ArticleSearch_docsize d ON d.id = m.id
                """);
            command.Parameters.AddWithValue("$match", inTitles);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var matches = new List<(long Id, double Frequency, long Length)>();
                long rows = 0, tokens = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (matches.Count == 0)
                    {
                        if (reader.GetInt64(5) > limit)
                        {
                            return TitleRanking.TooMany;
                        }
                        if (reader.IsDBNull(6) || reader.GetString(6) != Bm25 || reader.IsDBNull(7))
                        {
                            return null;
                        }
                        // The averages record: the number of rows, then the tokens of each column in all rows.
                        var averages = (byte[])reader.GetValue(7);
                        var at = 0;
                        rows = Varint(averages, ref at);
                        while (at < averages.Length)
                        {
                            tokens += Varint(averages, ref at);
                        }
                    }
                    var frequency = 0.0;
                    for (var column = 0; column < TitleWeights.Length; column++)
                    {
                        // Instances in column order, each adding its column's weight, as bm25 adds them.
                        for (var n = reader.IsDBNull(1 + column) ? 0 : Occurrences(reader.GetString(1 + column), word); n > 0; n--)
                        {
                            frequency += TitleWeights[column];
                        }
                    }
                    if (frequency == 0)
                    {
                        return null;
                    }
                    var sizes = (byte[])reader.GetValue(4);
                    var sizeAt = 0;
                    long length = 0;
                    while (sizeAt < sizes.Length)
                    {
                        length += Varint(sizes, ref sizeAt);
                    }
                    matches.Add((reader.GetInt64(0), frequency, length));
                }
                return new TitleRanking(Order(matches, rows, tokens));
            }
        }
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
