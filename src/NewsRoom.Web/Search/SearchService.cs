using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Search;

/// <summary>A search as the reader asked it; every part is optional.</summary>
public sealed record SearchQuery(string? Text, string? Region = null, DateOnly? From = null, DateOnly? To = null, ArticleKind? Kind = null, int? Person = null, int Page = 1);

/// <summary>One found article, with its headline and snippet as escaped HTML with the matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(int Id, string HeadlineHtml, string SnippetHtml, string? Region, DateTime? PublishedAt, IReadOnlyList<SearchByline> Bylines);

public sealed record SearchByline(int PersonId, string Name);

public sealed record SearchResults(IReadOnlyList<string> Words, int Total, int Page, IReadOnlyList<SearchHit> Hits)
{
    public int Pages => (Total + SearchService.PageSize - 1) / SearchService.PageSize;
}

/// <summary>
/// Full-text search over the FTS5 trigram index of published articles (see the AddArticleSearch migration, whose
/// triggers keep it in step). Words of three characters or more are trigram phrases; shorter words are expanded
/// to the indexed trigrams they begin, which stays fast where a LIKE scan of every body would not.
/// </summary>
public sealed partial class SearchService(NewsRoomDb db)
{
    public const int PageSize = 20;

    // Deeper pages are never read; a cap keeps OFFSET cheap.
    private const int MaxPage = 250;

    // Expansions of a one-character word; the most frequent are kept, enough for any page a reader reads.
    private const int MaxExpansions = 200;

    /// <summary>
    /// Ranking every match of an unselective word (内蒙古 in an Inner Mongolian paper) costs more than the page is
    /// worth: above this many matches, matches in the titles come first, ranked, then the rest latest stored first
    /// (article ids grow with imports and new desk articles, so that is close to newest first, and FTS5 reads it without sorting).
    /// </summary>
    internal int RankLimit { get; init; } = 1000;

    /// <summary>Whether the title tier's bm25 may be computed here (<see cref="TitleRank"/>) rather than by SQLite; off only to test both.</summary>
    internal bool RankTitlesHere { get; init; } = true;

    private const string TitleColumns = "{Headline Kicker Subheadline}";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchText.Words(query.Text);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        var filters = await FiltersAsync(query, cancellationToken).ConfigureAwait(false);
        if (filters is null || (words.Count == 0 && filters.Count == 0))
        {
            return new SearchResults(words, 0, page, []);
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            var offset = (page - 1) * PageSize;
            int total;
            List<int> ids;
            if (words.Count == 0)
            {
                total = await CountAsync(connection, null, filters, cancellationToken).ConfigureAwait(false);
                ids = await IdsAsync(connection, null, filters, Order.Newest, offset, PageSize, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var match = await MatchAsync(connection, words, cancellationToken).ConfigureAwait(false);
                if (match is null)
                {
                    return new SearchResults(words, 0, page, []);
                }
                total = await CountAsync(connection, match, filters, cancellationToken).ConfigureAwait(false);
                ids = total <= RankLimit
                    ? await IdsAsync(connection, match, filters, Order.Rank, offset, PageSize, cancellationToken).ConfigureAwait(false)
                    : await TieredIdsAsync(connection, match, words, filters, offset, cancellationToken).ConfigureAwait(false);
            }
            var hits = await HitsAsync(connection, ids, words, cancellationToken).ConfigureAwait(false);
            return new SearchResults(words, total, page, hits);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    // The MATCH expression: every word must occur; null when a short word occurs nowhere.
    private static async Task<string?> MatchAsync(SqliteConnection connection, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var word in words)
        {
            if (SearchText.Length(word) >= 3)
            {
                parts.Add(SearchText.Phrase(word));
                continue;
            }
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT term FROM ArticleSearchTerms WHERE term >= $from AND term < $to ORDER BY doc DESC LIMIT $limit";
                command.Parameters.AddWithValue("$from", word);
                command.Parameters.AddWithValue("$to", word + "\U0010FFFF");
                command.Parameters.AddWithValue("$limit", MaxExpansions);
                var terms = new List<string>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        terms.Add(SearchText.Phrase(reader.GetString(0)));
                    }
                }
                if (terms.Count == 0)
                {
                    return null;
                }
                parts.Add("(" + string.Join(" OR ", terms) + ")");
            }
        }
        return string.Join(" AND ", parts);
    }

    // Counting the title matches and then ranking them evaluates the phrase over the titles twice, and bm25 reads it a
    // third time for its idf; for a phrase of two or more trigrams each pass is milliseconds of position matching.
    // So such words rank their titles at once, at most RankLimit + 1 of them, which tells the count as well; only when
    // that many match is the work thrown away. Single trigrams are cheap to count, and a short word's expansion would
    // make bm25 read every one of its trigrams, so those count first.
    private static bool RanksTitlesAtOnce(IReadOnlyList<string> words) =>
        words.All(w => SearchText.Length(w) >= 3) && words.Any(w => SearchText.Length(w) >= 4);

    private async Task<List<int>> TieredIdsAsync(SqliteConnection connection, string match, IReadOnlyList<string> words, Filters filters, int offset, CancellationToken cancellationToken)
    {
        var inTitles = $"{TitleColumns} : ({match})";
        var titleCount = -1;
        List<int>? ids = null;
        if (RanksTitlesAtOnce(words))
        {
            // Cheaper still where the rank can be computed here from that one pass.
            var ranking = RankTitlesHere && filters.Count == 0 && TitleRank.Applies(words)
                ? await TitleRank.RankAsync(connection, words[0], inTitles, RankLimit, cancellationToken).ConfigureAwait(false)
                : null;
            if (ranking is { Ids: { } ranked })
            {
                titleCount = ranked.Count;
                ids = [.. ranked.Skip(offset).Take(PageSize)];
            }
            else if (ranking is null)
            {
                (titleCount, ids) = await RankedWithCountAsync(connection, inTitles, filters, offset, cancellationToken).ConfigureAwait(false);
            }
        }
        if (ids is null)
        {
            titleCount = await CountAsync(connection, inTitles, filters, cancellationToken).ConfigureAwait(false);
            ids = [];
            if (offset < titleCount)
            {
                var order = titleCount <= RankLimit ? Order.Rank : Order.Stored;
                ids.AddRange(await IdsAsync(connection, inTitles, filters, order, offset, PageSize, cancellationToken).ConfigureAwait(false));
            }
        }
        if (ids.Count < PageSize)
        {
            var rest = $"({match}) NOT {inTitles}";
            ids.AddRange(await IdsAsync(connection, rest, filters, Order.Stored, Math.Max(0, offset - titleCount), PageSize - ids.Count, cancellationToken).ConfigureAwait(false));
        }
        return ids;
    }

    // The page of the matches in rank order and how many match, from one evaluation of the match; null ids when more
    // than RankLimit match (then they are not to be ranked) or the page lies past them (then the count is unknown).
    private async Task<(int Count, List<int>? Ids)> RankedWithCountAsync(SqliteConnection connection, string match, Filters filters, int offset, CancellationToken cancellationToken)
    {
        var joined = filters.Count > 0;
        var command = Command(connection, joined ? "s.rowid AS id, s.rank AS r, a.PublishedAt AS p" : "s.rowid AS id, s.rank AS r", match, filters);
        await using (command.ConfigureAwait(false))
        {
            // The same order as Order.Rank, on the same values.
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SELECT id, count(*) OVER () FROM ({command.CommandText} LIMIT {RankLimit + 1}) ORDER BY r, {(joined ? "p DESC, " : "")}id DESC LIMIT {PageSize} OFFSET {offset}");
            var ids = new List<int>();
            var count = -1;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt32(0));
                    count = reader.GetInt32(1);
                }
            }
            return count switch
            {
                < 0 when offset == 0 => (0, ids),
                < 0 => (-1, null),
                _ when count > RankLimit => (-1, null),
                _ => (count, ids),
            };
        }
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string? match, Filters filters, CancellationToken cancellationToken)
    {
        var command = Command(connection, "count(*)", match, filters);
        await using (command.ConfigureAwait(false))
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private static async Task<List<int>> IdsAsync(SqliteConnection connection, string? match, Filters filters, Order order, int offset, int limit, CancellationToken cancellationToken)
    {
        var command = Command(connection, match is null ? "a.Id" : "s.rowid", match, filters);
        command.CommandText += OrderAndPage(order, filters.Count > 0, offset, limit);
        await using (command.ConfigureAwait(false))
        {
            var ids = new List<int>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt32(0));
                }
            }
            return ids;
        }
    }

    // Filters are parameters; only fixed SQL text and numbers computed here are ever spliced in. Without filters the
    // index is read alone: it holds published articles only (its triggers see to that), and a join per match
    // would cost more than the whole search.
    private static SqliteCommand Command(SqliteConnection connection, string select, string? match, Filters filters)
    {
        var command = connection.CreateCommand();
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
    private static string OrderAndPage(Order order, bool joined, int offset, int limit) => order switch
    {
        Order.Rank when joined => " ORDER BY s.rank, a.PublishedAt DESC, s.rowid DESC",
        Order.Rank => " ORDER BY s.rank, s.rowid DESC",
        Order.Stored => " ORDER BY s.rowid DESC",
        _ => " ORDER BY a.PublishedAt DESC, a.Id DESC",
    } + string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit} OFFSET {offset}");

    // Null when a filter names nothing that exists (an unknown region): then nothing can match.
    private async Task<Filters?> FiltersAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        List<int>? regionIds = null;
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var slug = query.Region.Trim();
            var region = await db.Regions.AsNoTracking().Where(r => r.Slug == slug).Select(r => new { r.Id, r.ParentId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (region is null)
            {
                return null;
            }
            // A league or city includes its banners, counties and districts.
            regionIds = region.ParentId is null
                ? await db.Regions.Where(r => r.Id == region.Id || r.ParentId == region.Id).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false)
                : [region.Id];
        }
        // Dates are the papers' days, in Beijing time; PublishedAt is stored in UTC as EF writes it.
        return new Filters(
            regionIds,
            query.From is { } from ? StoredUtc(from) : null,
            query.To is { } to && to < DateOnly.MaxValue ? StoredUtc(to.AddDays(1)) : null,
            query.Kind is { } kind && Enum.IsDefined(kind) ? kind : null,
            query.Person);
    }

    private static string StoredUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static async Task<List<SearchHit>> HitsAsync(SqliteConnection connection, List<int> ids, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        // The ids inlined as IN (1, 2, …) and the status checked here, not in SQL: with a Status condition SQLite
        // prefers the Status index and reads every published article instead of twenty primary keys. Bylines and
        // captions are their own statements, as a join would repeat each article per byline and photo. The three
        // are one command on the open connection: through EF they cost more than the rest of a selective search.
        var idList = string.Join(',', ids);
        var rows = new List<HitRow>(ids.Count);
        var bylines = new List<(int ArticleId, SearchByline Byline)>();
        var captions = new List<(int ArticleId, string Caption)>();
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = $"""
                SELECT a.Id, a.Status, a.Headline, a.Kicker, a.Subheadline, a.Body, a.PublishedAt,
                    (SELECT r.Name FROM ArticleRegions ar JOIN Regions r ON r.Id = ar.RegionId WHERE ar.ArticleId = a.Id AND ar.IsPrimary LIMIT 1)
                FROM Articles a WHERE a.Id IN ({idList});
                SELECT b.ArticleId, b.PersonId, pe.Name FROM ArticleBylines b JOIN People pe ON pe.Id = b.PersonId WHERE b.ArticleId IN ({idList}) ORDER BY b."Order";
                SELECT p.ArticleId, p.Caption FROM Photos p WHERE p.ArticleId IN ({idList}) ORDER BY p."Order";
                """;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new HitRow(
                        reader.GetInt32(0),
                        reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetDateTime(6),
                        reader.IsDBNull(7) ? null : reader.GetString(7)));
                }
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    bylines.Add((reader.GetInt32(0), new SearchByline(reader.GetInt32(1), reader.GetString(2))));
                }
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    captions.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }
        }
        var bylinesOf = bylines.ToLookup(b => b.ArticleId, b => b.Byline);
        var captionsOf = captions.ToLookup(c => c.ArticleId, c => c.Caption);
        var byId = rows.ToDictionary(r => r.Id);
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

    private enum Order
    {
        Rank,
        Stored,
        Newest,
    }

    private sealed record HitRow(int Id, string Status, string? Headline, string? Kicker, string? Subheadline, string Body, DateTime? PublishedAt, string? Region);

    private sealed record Filters(List<int>? RegionIds, string? From, string? Before, ArticleKind? Kind, int? Person)
    {
        public int Count => (RegionIds is null ? 0 : 1) + (From is null ? 0 : 1) + (Before is null ? 0 : 1) + (Kind is null ? 0 : 1) + (Person is null ? 0 : 1);
    }
}
