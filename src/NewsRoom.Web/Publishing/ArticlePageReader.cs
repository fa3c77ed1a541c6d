using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using NewsRoom.Ingest;
using NewsRoom.Web.Data;

namespace NewsRoom.Web.Publishing;

/// <summary>Everything the article page shows, read in one go.</summary>
public sealed record ArticlePage(
    ArticleView Article,
    IReadOnlyList<BylineView> Bylines,
    IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<RegionLink> Regions,
    IReadOnlyList<ArticleCard> Related,
    ArticleCard? Previous,
    ArticleCard? Next);

public sealed record ArticleView(int Id, string? Column, string? Kicker, string? Headline, string? Subheadline,
    string? DatelinePlace, string? DatelineDate, string? DatelineKind, string Body, DateTime? PublishedAt, DateTime UpdatedAt,
    int? IssueId, int? PagePosition, string? Paper, DateOnly? IssueDate)
{
    public string? DatelineText => DatelineKind is null ? null : $"本报{DatelinePlace}{DatelineDate}{DatelineKind}";
    public string? Section => Column;
}

public sealed record BylineView(int PersonId, string Name, BylineRole Role);

public sealed record PhotoView(string? Title, string Caption, string? Credits);

public sealed record RegionLink(int Id, string Name, string Slug, bool IsPrimary);

/// <summary>
/// Reads the article page, the reader's hottest, over connections of its own that keep their statements prepared.
/// Through EF Core the page cost seven statements compiled anew on every request (Microsoft.Data.Sqlite prepares a
/// command each time a pooled connection is opened) plus the query pipeline around them: together about half of the
/// page's CPU with the output cache off (bench/README.md). Here each connection prepares the seven once and then only
/// binds, steps and resets them. The connections are read-only (query_only), so this class cannot change the store.
/// </summary>
public sealed class ArticlePageReader(StoreConnection store) : IDisposable
{
    public const int RelatedCount = 5;

    // More idle connections than requests can run at once (the concurrency limiter's queue) only hold memory.
    private const int MaxIdle = 16;

    private readonly ConcurrentQueue<PreparedStatements> _idle = new();
    private bool _disposed;

    /// <summary>The published article with this id and what its page shows around it; null when there is none.</summary>
    public ArticlePage? Read(int id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var statements = _idle.TryDequeue(out var idle) ? idle : new PreparedStatements(store.ConnectionString);
        ArticlePage? page;
        try
        {
            page = statements.Read(id);
        }
        catch
        {
            // A connection that failed mid-read (a locked or damaged file) is not trusted again.
            statements.Dispose();
            throw;
        }
        if (_disposed || _idle.Count >= MaxIdle)
        {
            statements.Dispose();
        }
        else
        {
            _idle.Enqueue(statements);
        }
        return page;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var statements))
        {
            statements.Dispose();
        }
    }

    // One connection and the page's statements, prepared on it once. Used by one request at a time.
    private sealed class PreparedStatements : IDisposable
    {
        private const string Published = "'Published'";

        // The title of a card: the headline, or for photo news the first photo's title (ReaderQueries.ToCard).
        private const string CardTitle = """
            COALESCE(a.Headline, (SELECT p.Title FROM Photos p WHERE p.ArticleId = a.Id ORDER BY p."Order" LIMIT 1))
            """;

        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _article;
        private readonly SqliteCommand _bylines;
        private readonly SqliteCommand _photos;
        private readonly SqliteCommand _regions;
        private readonly SqliteCommand _related;
        private readonly SqliteCommand _previous;
        private readonly SqliteCommand _next;

        public PreparedStatements(string connectionString)
        {
            // Pooling off: these connections are this class's pool, and they stay open with their statements.
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            _connection.Open();
            try
            {
                using (var pragmas = _connection.CreateCommand())
                {
                    pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA query_only = 1;";
                    pragmas.ExecuteNonQuery();
                }
                _article = Prepare($"""
                    SELECT a.Id, a."Column", a.Kicker, a.Headline, a.Subheadline, a.DatelinePlace, a.DatelineDate, a.DatelineKind,
                           a.Body, a.PublishedAt, a.UpdatedAt, a.IssueId, a.PagePosition, i.Paper, i.IssueDate
                    FROM Articles a LEFT JOIN Issues i ON i.Id = a.IssueId
                    WHERE a.Id = $id AND a.Status = {Published}
                    """);
                _bylines = Prepare("""
                    SELECT b.PersonId, p.Name, b.Role FROM ArticleBylines b JOIN People p ON p.Id = b.PersonId
                    WHERE b.ArticleId = $id ORDER BY b."Order"
                    """);
                _photos = Prepare("""SELECT Title, Caption, Credits FROM Photos WHERE ArticleId = $id ORDER BY "Order" """);
                _regions = Prepare("""
                    SELECT r.RegionId, g.Name, g.Slug, r.IsPrimary FROM ArticleRegions r JOIN Regions g ON g.Id = r.RegionId
                    WHERE r.ArticleId = $id ORDER BY r.IsPrimary DESC, r."Order"
                    """);
                // The newest published articles whose primary region is this one's (ReaderQueries.Latest order).
                _related = Prepare($"""
                    SELECT a.Id, {CardTitle},
                           CASE WHEN a.Body <> '' THEN substr(a.Body, 1, 40)
                                ELSE COALESCE((SELECT substr(p.Caption, 1, 40) FROM Photos p WHERE p.ArticleId = a.Id ORDER BY p."Order" LIMIT 1), '') END,
                           (SELECT g.Name FROM ArticleRegions r JOIN Regions g ON g.Id = r.RegionId WHERE r.ArticleId = a.Id AND r.IsPrimary LIMIT 1),
                           a.PublishedAt, i.Paper
                    FROM (SELECT a.Id, a.Headline, a.Body, a.PublishedAt, a.IssueId, a.PagePosition FROM Articles a
                          WHERE a.Status = {Published} AND a.Id <> $id
                            AND EXISTS (SELECT 1 FROM ArticleRegions r WHERE r.ArticleId = a.Id AND r.RegionId = $region AND r.IsPrimary)
                          ORDER BY a.PublishedAt DESC, a.IssueId DESC, a.PagePosition, a.Id
                          LIMIT {RelatedCount}) a
                    LEFT JOIN Issues i ON i.Id = a.IssueId
                    ORDER BY a.PublishedAt DESC, a.IssueId DESC, a.PagePosition, a.Id
                    """);
                // The neighbours on the printed page show only a title.
                _previous = Prepare($"""
                    SELECT a.Id, {CardTitle}, substr(a.Body, 1, 40), a.PublishedAt FROM Articles a
                    WHERE a.Status = {Published} AND a.IssueId = $issue AND a.PagePosition < $position
                    ORDER BY a.PagePosition DESC LIMIT 1
                    """);
                _next = Prepare($"""
                    SELECT a.Id, {CardTitle}, substr(a.Body, 1, 40), a.PublishedAt FROM Articles a
                    WHERE a.Status = {Published} AND a.IssueId = $issue AND a.PagePosition > $position
                    ORDER BY a.PagePosition LIMIT 1
                    """);
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in new[] { "$id", "$region", "$issue", "$position" })
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    command.Parameters.Add(name, SqliteType.Integer);
                }
            }
            command.Prepare();
            return command;
        }

        public ArticlePage? Read(int id)
        {
            var article = ReadArticle(id);
            if (article is null)
            {
                return null;
            }
            var bylines = ReadAll(_bylines, id, r => new BylineView(r.GetInt32(0), r.GetString(1), Enum.Parse<BylineRole>(r.GetString(2))));
            var photos = ReadAll(_photos, id, r => new PhotoView(NullableString(r, 0), r.GetString(1), NullableString(r, 2)));
            var regions = ReadAll(_regions, id, r => new RegionLink(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));

            IReadOnlyList<ArticleCard> related = [];
            if (regions.FirstOrDefault(r => r.IsPrimary) is { } primary)
            {
                _related.Parameters["$region"].Value = primary.Id;
                related = ReadAll(_related, id, r => new ArticleCard(
                    r.GetInt32(0), NullableString(r, 1), r.GetString(2), NullableString(r, 3), NullableDate(r, 4), NullableString(r, 5)));
            }

            ArticleCard? previous = null, next = null;
            if (article is { IssueId: { } issueId, PagePosition: { } position })
            {
                previous = ReadNeighbour(_previous, issueId, position);
                next = ReadNeighbour(_next, issueId, position);
            }
            return new ArticlePage(article, bylines, photos, regions, related, previous, next);
        }

        private ArticleView? ReadArticle(int id)
        {
            _article.Parameters["$id"].Value = id;
            using var r = _article.ExecuteReader();
            if (!r.Read())
            {
                return null;
            }
            return new ArticleView(r.GetInt32(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4),
                NullableString(r, 5), NullableString(r, 6), NullableString(r, 7), r.GetString(8), NullableDate(r, 9), r.GetDateTime(10),
                r.IsDBNull(11) ? null : r.GetInt32(11), r.IsDBNull(12) ? null : r.GetInt32(12), NullableString(r, 13),
                r.IsDBNull(14) ? null : r.GetFieldValue<DateOnly>(14));
        }

        private static List<T> ReadAll<T>(SqliteCommand command, int id, Func<SqliteDataReader, T> row)
        {
            command.Parameters["$id"].Value = id;
            using var r = command.ExecuteReader();
            var rows = new List<T>();
            while (r.Read())
            {
                rows.Add(row(r));
            }
            return rows;
        }

        private static ArticleCard? ReadNeighbour(SqliteCommand command, int issueId, int position)
        {
            command.Parameters["$issue"].Value = issueId;
            command.Parameters["$position"].Value = position;
            using var r = command.ExecuteReader();
            return r.Read() ? new ArticleCard(r.GetInt32(0), NullableString(r, 1), r.GetString(2), null, NullableDate(r, 3), null) : null;
        }

        private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

        private static DateTime? NullableDate(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDateTime(ordinal);

        public void Dispose()
        {
            // Disposing the connection finalizes the statements prepared on it.
            _connection.Dispose();
        }
    }
}
