using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsRoom.Web.Reader;

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
        private readonly List<Statement> _prepared = [];
        private readonly Statement _article;
        private readonly Statement _bylines;
        private readonly Statement _photos;
        private readonly Statement _regions;
        private readonly Statement _related;
        private readonly Statement _previous;
        private readonly Statement _next;

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
                // The newest published articles whose primary region is this one's (ReaderQueries.Latest order): one range of
                // the PrimaryRegionId index, however few articles the region has.
                _related = Prepare($"""
                    SELECT a.Id, {CardTitle},
                           CASE WHEN a.Body <> '' THEN substr(a.Body, 1, 40)
                                ELSE COALESCE((SELECT substr(p.Caption, 1, 40) FROM Photos p WHERE p.ArticleId = a.Id ORDER BY p."Order" LIMIT 1), '') END,
                           a.PublishedAt, i.Paper
                    FROM (SELECT a.Id, a.Headline, a.Body, a.PublishedAt, a.IssueId, a.PagePosition FROM Articles a
                          WHERE a.PrimaryRegionId = $region AND a.Status = {Published} AND a.Id <> $id
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
                Dispose();
                throw;
            }
        }

        private Statement Prepare(string sql)
        {
            var statement = new Statement(_connection.Handle!, sql);
            _prepared.Add(statement);
            return statement;
        }

        public ArticlePage? Read(int id)
        {
            var article = ReadArticle(id);
            if (article is null)
            {
                return null;
            }
            var bylines = ReadAll(_bylines.Bind("$id", id), r => new BylineView(r.Int(0), r.Text(1), Enum.Parse<BylineRole>(r.Text(2))));
            var photos = ReadAll(_photos.Bind("$id", id), r => new PhotoView(r.NullableText(0), r.Text(1), r.NullableText(2)));
            var regions = ReadAll(_regions.Bind("$id", id), r => new RegionLink(r.Int(0), r.Text(1), r.Text(2), r.Int(3) != 0));

            IReadOnlyList<ArticleCard> related = [];
            if (regions.FirstOrDefault(r => r.IsPrimary) is { } primary)
            {
                // Every related article shares this one's primary region, so its name is not read again per row.
                related = ReadAll(_related.Bind("$id", id).Bind("$region", primary.Id), r => new ArticleCard(
                    r.Int(0), r.NullableText(1), r.Text(2), primary.Name, r.NullableDateTime(3), r.NullableText(4)));
            }

            ArticleCard? previous = null, next = null;
            if (article is { IssueId: { } issueId, PagePosition: { } position })
            {
                previous = ReadNeighbour(_previous.Bind("$issue", issueId).Bind("$position", position));
                next = ReadNeighbour(_next.Bind("$issue", issueId).Bind("$position", position));
            }
            return new ArticlePage(article, bylines, photos, regions, related, previous, next);
        }

        private ArticleView? ReadArticle(int id)
        {
            var r = _article.Bind("$id", id);
            using var run = r.Run();
            if (!r.Step())
            {
                return null;
            }
            return new ArticleView(r.Int(0), r.NullableText(1), r.NullableText(2), r.NullableText(3), r.NullableText(4),
                r.NullableText(5), r.NullableText(6), r.NullableText(7), r.Text(8), r.NullableDateTime(9), r.DateTime(10),
                r.NullableInt(11), r.NullableInt(12), r.NullableText(13),
                r.IsNull(14) ? null : DateOnly.Parse(r.Text(14), CultureInfo.InvariantCulture));
        }

        private static List<T> ReadAll<T>(Statement statement, Func<Statement, T> row)
        {
            using var run = statement.Run();
            var rows = new List<T>();
            while (statement.Step())
            {
                rows.Add(row(statement));
            }
            return rows;
        }

        private static ArticleCard? ReadNeighbour(Statement r)
        {
            using var run = r.Run();
            return r.Step() ? new ArticleCard(r.Int(0), r.NullableText(1), r.Text(2), null, r.NullableDateTime(3), null) : null;
        }

        public void Dispose()
        {
            // Statements first: a connection closed with statements still open lingers until they are finalized.
            foreach (var statement in _prepared)
            {
                statement.Dispose();
            }
            _connection.Dispose();
        }
    }

    /// <summary>
    /// A statement prepared once and run through SQLite's own API: bound by parameter index (looked up once), stepped,
    /// read column by column and reset. Microsoft.Data.Sqlite's commands look every parameter up by name and build a
    /// reader, its records and their dictionaries on each execution: an uncached article view allocated 32.4 KB
    /// through them and 28.7 KB this way, and every collection those bytes bring stops the site for about a
    /// millisecond (bench/README, fifth pass). Values are read as Microsoft.Data.Sqlite reads them: integers as
    /// stored, dates parsed from their text with the invariant culture.
    /// </summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _handle;
        private readonly (string Name, int Index)[] _parameters;

        public Statement(sqlite3 db, string sql)
        {
            _db = db;
            var rc = raw.sqlite3_prepare_v2(db, sql, out _handle);
            if (rc != raw.SQLITE_OK)
            {
                // The caller never sees this statement, so nothing else would release the handle.
                _handle.Dispose();
                Check(rc);
            }
            _parameters = [.. Enumerable.Range(1, raw.sqlite3_bind_parameter_count(_handle))
                .Select(index => (raw.sqlite3_bind_parameter_name(_handle, index).utf8_to_string(), index))];
        }

        public Statement Bind(string name, long value)
        {
            foreach (var (parameter, index) in _parameters)
            {
                if (parameter == name)
                {
                    Check(raw.sqlite3_bind_int64(_handle, index, value));
                    return this;
                }
            }
            throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
        }

        /// <summary>Starts a run of the bound statement; disposing the run resets it, which ends its read of the database.</summary>
        public Running Run() => new(_handle);

        public bool Step()
        {
            var rc = raw.sqlite3_step(_handle);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }
            return false;
        }

        public bool IsNull(int column) => raw.sqlite3_column_type(_handle, column) == raw.SQLITE_NULL;

        public int Int(int column) => (int)raw.sqlite3_column_int64(_handle, column);

        public int? NullableInt(int column) => IsNull(column) ? null : Int(column);

        public string Text(int column) => raw.sqlite3_column_text(_handle, column).utf8_to_string();

        public string? NullableText(int column) => IsNull(column) ? null : Text(column);

        public DateTime DateTime(int column) => System.DateTime.Parse(Text(column), CultureInfo.InvariantCulture);

        public DateTime? NullableDateTime(int column) => IsNull(column) ? null : DateTime(column);

        /// <summary>Finalizes the statement.</summary>
        public void Dispose() => _handle.Dispose();

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
    }

    /// <summary>A statement being stepped; disposing it resets the statement.</summary>
    private readonly struct Running(sqlite3_stmt handle) : IDisposable
    {
        public void Dispose() => raw.sqlite3_reset(handle);
    }
}
