using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

/// <summary>A reader's filters, as the search statements bind them; dates as EF stores PublishedAt (UTC text).</summary>
internal sealed record SearchFilters(List<int>? RegionIds, string? From, string? Before, ArticleKind? Kind, int? Person)
{
    public int Count => (RegionIds is null ? 0 : 1) + (From is null ? 0 : 1) + (Before is null ? 0 : 1) + (Kind is null ? 0 : 1) + (Person is null ? 0 : 1);
}

/// <summary>The orders a page of matches is read in.</summary>
internal enum SearchOrder
{
    /// <summary>bm25 rank, then newest.</summary>
    Rank,
    /// <summary>Latest stored first: the index's own order, read without sorting.</summary>
    Stored,
    /// <summary>Newest published first (no words, filters only).</summary>
    Newest,
}

/// <summary>A found article's row, bylines and captions as the results page shows them.</summary>
internal sealed record SearchHitRow(int Id, string Status, string? Headline, string? Kicker, string? Subheadline, string Body, DateTime? PublishedAt, string? Region);

internal sealed record SearchHitRows(List<SearchHitRow> Articles, List<(int ArticleId, int PersonId, string Name)> Bylines, List<(int ArticleId, string Caption)> Captions);

/// <summary>A title match as the index holds it: its titles as indexed (c0–c2) and its column sizes (docsize).</summary>
internal sealed record TitleMatchRow(long Id, string? Headline, string? Kicker, string? Subheadline, byte[] Sizes);

/// <summary>The title matches of a phrase with the totals bm25 reads: the rank function and the averages record.</summary>
internal sealed record TitleMatches(string? RankFunction, byte[]? Averages, List<TitleMatchRow> Rows);

/// <summary>
/// The statements of search, which EF cannot say: FTS5 MATCH over the ArticleSearch trigram index (see the AddArticleSearch
/// and ArticleSearchTextView migrations), its vocabulary and its shadow tables, on the context's connection, opened once
/// for a whole search. Filters are parameters; only fixed SQL text and numbers computed here are ever spliced in.
/// </summary>
internal sealed class ArticleSearchIndex : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly bool _opened;

    private ArticleSearchIndex(SqliteConnection connection, bool opened)
    {
        _connection = connection;
        _opened = opened;
    }

    /// <summary>The index on the context's connection, opened if it was not; disposing closes it again only then.</summary>
    public static async Task<ArticleSearchIndex> OpenAsync(NewsRoomDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        return new ArticleSearchIndex(connection, opened);
    }

    public async ValueTask DisposeAsync()
    {
        if (_opened)
        {
            await _connection.CloseAsync();
        }
    }

    /// <summary>The indexed trigrams that begin with the word, most frequent first.</summary>
    public async Task<List<string>> TermsStartingWithAsync(string word, int limit, CancellationToken cancellationToken)
    {
        var command = _connection.CreateCommand();
        await using (command)
        {
            command.CommandText = "SELECT term FROM ArticleSearchTerms WHERE term >= $from AND term < $to ORDER BY doc DESC LIMIT $limit";
            command.Parameters.AddWithValue("$from", word);
            command.Parameters.AddWithValue("$to", word + "\U0010FFFF");
            command.Parameters.AddWithValue("$limit", limit);
            var terms = new List<string>();
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    terms.Add(reader.GetString(0));
                }
            }
            return terms;
        }
    }

    /// <summary>How many published articles match (all published ones for a null match) and pass the filters.</summary>
    public async Task<int> CountAsync(string? match, SearchFilters filters, CancellationToken cancellationToken)
    {
        var command = Command("count(*)", match, filters);
        await using (command)
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A page of the matches' ids in the order given.</summary>
    public async Task<List<int>> IdsAsync(string? match, SearchFilters filters, SearchOrder order, int offset, int limit, CancellationToken cancellationToken)
    {
        var command = Command(match is null ? "a.Id" : "s.rowid", match, filters);
        command.CommandText += OrderAndPage(order, filters.Count > 0, offset, limit);
        await using (command)
        {
            var ids = new List<int>();
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt32(0));
                }
            }
            return ids;
        }
    }

    /// <summary>
    /// The page of the matches in rank order and how many match, from one evaluation of the match, reading at most
    /// rankLimit + 1 matches; the count is -1 when none were on the page past the first.
    /// </summary>
    public async Task<(int Count, List<int> Ids)> RankedPageWithCountAsync(string match, SearchFilters filters, int rankLimit, int offset, int pageSize, CancellationToken cancellationToken)
    {
        var joined = filters.Count > 0;
        var command = Command(joined ? "s.rowid AS id, s.rank AS r, a.PublishedAt AS p" : "s.rowid AS id, s.rank AS r", match, filters);
        await using (command)
        {
            // The same order as SearchOrder.Rank, on the same values.
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SELECT id, count(*) OVER () FROM ({command.CommandText} LIMIT {rankLimit + 1}) ORDER BY r, {(joined ? "p DESC, " : "")}id DESC LIMIT {pageSize} OFFSET {offset}");
            var ids = new List<int>();
            var count = -1;
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt32(0));
                    count = reader.GetInt32(1);
                }
            }
            return (count, ids);
        }
    }

    /// <summary>
    /// The title matches of a column-filtered phrase with what bm25 reads for them; null when more than limit match,
    /// told after the first row, before any title is read.
    /// </summary>
    public async Task<TitleMatches?> TitleMatchesAsync(string inTitles, int limit, CancellationToken cancellationToken)
    {
        var command = _connection.CreateCommand();
        await using (command)
        {
            // One statement, so that the totals are read in the same snapshot as the matches, as bm25 reads them; the
            // scalar subqueries run once. The matches' ids come first, at most limit + 1 of them, with their count on the
            // first row. The titles come from the index's own copy (c0–c2: Headline, Kicker, Subheadline, as indexed),
            // read directly: through the FTS5 columns every column is loaded, the body too.
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
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                var matches = new TitleMatches(null, null, []);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (matches.Rows.Count == 0)
                    {
                        if (reader.GetInt64(5) > limit)
                        {
                            return null;
                        }
                        matches = matches with
                        {
                            RankFunction = reader.IsDBNull(6) ? null : reader.GetString(6),
                            Averages = reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7),
                        };
                    }
                    matches.Rows.Add(new TitleMatchRow(
                        reader.GetInt64(0),
                        reader.IsDBNull(1) ? null : reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        (byte[])reader.GetValue(4)));
                }
                return matches;
            }
        }
    }

    /// <summary>The found articles' rows, bylines and captions, in one command.</summary>
    public async Task<SearchHitRows> HitRowsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        // The ids inlined as IN (1, 2, …) and the status left to the caller, not in SQL: with a Status condition SQLite
        // prefers the Status index and reads every published article instead of twenty primary keys. Bylines and
        // captions are their own statements, as a join would repeat each article per byline and photo. The three
        // are one command on the open connection: through EF they cost more than the rest of a selective search.
        var idList = string.Join(',', ids);
        var rows = new SearchHitRows(new List<SearchHitRow>(ids.Count), [], []);
        var command = _connection.CreateCommand();
        await using (command)
        {
            command.CommandText = $"""
                SELECT a.Id, a.Status, COALESCE(a.Headline, a.DisplayTitle), a.Kicker, a.Subheadline, a.Body, a.PublishedAt,
                    (SELECT r.Name FROM ArticleRegions ar JOIN Regions r ON r.Id = ar.RegionId WHERE ar.ArticleId = a.Id AND ar.IsPrimary LIMIT 1)
                FROM Articles a WHERE a.Id IN ({idList});
                SELECT b.ArticleId, b.PersonId, pe.Name FROM ArticleBylines b JOIN People pe ON pe.Id = b.PersonId WHERE b.ArticleId IN ({idList}) ORDER BY b."Order";
                SELECT p.ArticleId, p.Caption FROM Photos p WHERE p.ArticleId IN ({idList}) ORDER BY p."Order";
                """;
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Articles.Add(new SearchHitRow(
                        reader.GetInt32(0),
                        reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetDateTime(6),
                        reader.IsDBNull(7) ? null : reader.GetString(7)));
                }
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Bylines.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2)));
                }
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Captions.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }
        }
        return rows;
    }

    // Without filters the index is read alone: it holds published articles only (its triggers see to that), and a join
    // per match would cost more than the whole search.
    private SqliteCommand Command(string select, string? match, SearchFilters filters)
    {
        var command = _connection.CreateCommand();
        var sql = new StringBuilder();
        var joined = filters.Count > 0;
        sql.Append((match, joined) switch
        {
            (null, _) => $"SELECT {select} FROM Articles a WHERE a.Status = 'Published'",
            (_, false) => $"SELECT {select} FROM ArticleSearch s WHERE ArticleSearch MATCH $match",
            // CROSS JOIN keeps the index as the outer loop: left to itself SQLite would walk every published article
            // through the Status index and run the match once per article (seconds at 100,000 articles).
            _ => $"SELECT {select} FROM ArticleSearch s CROSS JOIN Articles a ON a.Id = s.rowid WHERE ArticleSearch MATCH $match AND a.Status = 'Published'",
        });
        if (match is not null)
        {
            command.Parameters.AddWithValue("$match", match);
        }
        if (filters.RegionIds is { } regions)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM ArticleRegions ar WHERE ar.ArticleId = a.Id AND ar.RegionId IN ({string.Join(',', regions)}))");
        }
        if (filters.From is { } from)
        {
            sql.Append(" AND a.PublishedAt >= $from");
            command.Parameters.AddWithValue("$from", from);
        }
        if (filters.Before is { } before)
        {
            sql.Append(" AND a.PublishedAt < $before");
            command.Parameters.AddWithValue("$before", before);
        }
        if (filters.Kind is { } kind)
        {
            sql.Append(" AND a.Kind = $kind");
            command.Parameters.AddWithValue("$kind", kind.ToString());
        }
        if (filters.Person is { } person)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM ArticleBylines b WHERE b.ArticleId = a.Id AND b.PersonId = $person)");
            command.Parameters.AddWithValue("$person", person);
        }
        command.CommandText = sql.ToString();
        return command;
    }

    // Ties in rank and day are broken by id, so that pages never overlap.
    private static string OrderAndPage(SearchOrder order, bool joined, int offset, int limit) => order switch
    {
        SearchOrder.Rank when joined => " ORDER BY s.rank, a.PublishedAt DESC, s.rowid DESC",
        SearchOrder.Rank => " ORDER BY s.rank, s.rowid DESC",
        SearchOrder.Stored => " ORDER BY s.rowid DESC",
        _ => " ORDER BY a.PublishedAt DESC, a.Id DESC",
    } + string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit} OFFSET {offset}");
}
