using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace NewsRoom.Web.Data;

/// <summary>
/// The article page's one statement, kept prepared on read-only connections of its own. Through EF the page took seven
/// statements, each prepared again on every view (Microsoft.Data.Sqlite finalizes a command's statements when its
/// connection goes back to the pool) and each fetching a pooled connection under the pool's lock; here one request
/// takes an idle connection from a lock-free queue, binds the id, steps one statement and gives the connection back.
/// </summary>
public sealed class ArticlePageStatement(string connectionString) : IDisposable
{
    /// <summary>How many articles of the same primary region the page lists.</summary>
    public const int RelatedCount = 5;

    /// <summary>What a row of <see cref="Sql"/> carries, in the column <c>Kind</c>; rows come ordered by kind, then <c>Seq</c>.</summary>
    public enum RowKind
    {
        /// <summary>Id, Int1 issue, Int2 page position, Text1 column, Text2 kicker, Text3 headline, Text4 subheadline,
        /// Text5-7 dateline place, date and kind, Text8 body, Text9 paper, Text10 issue date, Time1 published, Time2 updated,
        /// Text11 kind, Text12 display title, Text13 paper slug, Text14 版名, Int3 版次.</summary>
        Article = 0,

        /// <summary>Id person, Text1 name, Text2 role.</summary>
        Byline = 1,

        /// <summary>Text1 title, Text2 caption, Text3 credits; with a picture Int1 width, Int2 height, Text4 alt,
        /// Text5 and Text6 the JPEG and WebP renditions (name:width, comma-separated, narrowest first), Text7 the
        /// photographer's person id; Int3 1 for the lead image.</summary>
        Photo = 2,

        /// <summary>Id region, Int1 primary (1 or 0), Text1 name, Text2 slug; the primary first.</summary>
        Region = 3,

        /// <summary>A card (Id, Text1 title, Text2 start of the text, Text9 paper, Time1 published, Text11 kind) of the primary region's newest.</summary>
        Related = 4,

        /// <summary>The card of the article printed just before on the same page of the same issue.</summary>
        Previous = 5,

        /// <summary>The card of the article printed just after.</summary>
        Next = 6,

        /// <summary>A 更正 or 说明, newest first: Id, Text1 kind, Text2 text, Text10 its date, Time1 when it was added.</summary>
        Correction = 7,
    }

    // The title of a card: the headline, or for photo news the first photo's title, or the desk's display title
    // (ReaderQueries.ToCard).
    private const string CardTitle = """COALESCE(c.Headline, (SELECT p.Title FROM Photos p WHERE p.ArticleId = c.Id ORDER BY p."Order" LIMIT 1), c.DisplayTitle)""";

    // A card's kind and opening text: an item with no body is photo news, told by its first caption (ReaderQueries.ToCard).
    private const string CardKind = "CASE WHEN c.Body <> '' THEN c.Kind ELSE 'Photo' END";
    private static readonly string CardText = $"""
        CASE WHEN c.Body <> '' THEN substr(c.Body, 1, {DisplayTitles.TextLength})
             ELSE COALESCE((SELECT substr(p.Caption, 1, {DisplayTitles.TextLength}) FROM Photos p WHERE p.ArticleId = c.Id ORDER BY p."Order" LIMIT 1), '') END
        """;

    // A picture's renditions of one format, for srcset.
    private static string Renditions(string format) =>
        $"(SELECT group_concat(r.Name || ':' || r.Width, ',' ORDER BY r.Width) FROM MediaRenditions r WHERE r.MediaImageId = m.Id AND r.Format = '{format}')";

    /// <summary>
    /// Everything the page of one published article shows, as rows of the kinds in <see cref="RowKind"/>; no row at all
    /// when the article is not published. Related articles are one range of the PrimaryRegionId index, the neighbours one
    /// step along the page index.
    /// </summary>
    public static readonly string Sql = $"""
        WITH article AS (SELECT a.Id, a.IssueId, a.PagePosition FROM Articles a WHERE a.Id = $id AND a.Status = 'Published'),
        primary_region AS (
            SELECT r.RegionId FROM ArticleRegions r WHERE r.ArticleId IN (SELECT Id FROM article) AND r.IsPrimary
            ORDER BY r."Order" LIMIT 1)
        SELECT 0 AS Kind, 0 AS Seq, a.Id, a.IssueId AS Int1, a.PagePosition AS Int2, a."Column" AS Text1, a.Kicker AS Text2,
               a.Headline AS Text3, a.Subheadline AS Text4, a.DatelinePlace AS Text5, a.DatelineDate AS Text6,
               a.DatelineKind AS Text7, a.Body AS Text8, pp.Name AS Text9, e.PrintDate AS Text10,
               a.PublishedAt AS Time1, a.UpdatedAt AS Time2, a.Kind AS Text11, a.DisplayTitle AS Text12,
               pp.Slug AS Text13, i.PageName AS Text14, i.PageNumber AS Int3
        FROM article t JOIN Articles a ON a.Id = t.Id LEFT JOIN Issues i ON i.Id = a.IssueId
        LEFT JOIN Editions e ON e.Id = i.EditionId LEFT JOIN Papers pp ON pp.Id = e.PaperId
        UNION ALL
        SELECT 1, b."Order", b.PersonId, NULL, NULL, p.Name, b.Role, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL
        FROM article t JOIN ArticleBylines b ON b.ArticleId = t.Id JOIN People p ON p.Id = b.PersonId
        UNION ALL
        SELECT 2, p."Order", p.Id, m.Width, m.Height, p.Title, p.Caption, p.Credits, m.Alt, {Renditions(ImageFormats.Jpeg)}, {Renditions(ImageFormats.Webp)},
               m.CreditPersonId, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.IsLead
        FROM article t JOIN Photos p ON p.ArticleId = t.Id LEFT JOIN MediaImages m ON m.Id = p.MediaImageId
        UNION ALL
        SELECT 3, row_number() OVER (ORDER BY r.IsPrimary DESC, r."Order"), r.RegionId, r.IsPrimary, NULL, g.Name, g.Slug,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM article t JOIN ArticleRegions r ON r.ArticleId = t.Id JOIN Regions g ON g.Id = r.RegionId
        UNION ALL
        SELECT 4, row_number() OVER (ORDER BY c.PublishedAt DESC, c.IssueId DESC, c.PagePosition, c.Id), c.Id, NULL, NULL,
               {CardTitle}, {CardText},
               NULL, NULL, NULL, NULL, NULL, NULL, pp.Name, NULL, c.PublishedAt, NULL, {CardKind}, NULL, NULL, NULL, NULL
        FROM (SELECT a.Id, a.Headline, a.Body, a.Kind, a.DisplayTitle, a.PublishedAt, a.IssueId, a.PagePosition FROM Articles a
              WHERE a.PrimaryRegionId = (SELECT RegionId FROM primary_region) AND a.Status = 'Published' AND a.Id <> $id
              ORDER BY a.PublishedAt DESC, a.IssueId DESC, a.PagePosition, a.Id LIMIT {RelatedCount}) c
        LEFT JOIN Issues i ON i.Id = c.IssueId LEFT JOIN Editions e ON e.Id = i.EditionId LEFT JOIN Papers pp ON pp.Id = e.PaperId
        UNION ALL
        SELECT 5, 0, c.Id, NULL, NULL, {CardTitle}, {CardText}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.PublishedAt, NULL, {CardKind}, NULL, NULL, NULL, NULL
        FROM (SELECT a.Id, a.Headline, a.Body, a.Kind, a.DisplayTitle, a.PublishedAt FROM article t JOIN Articles a
              ON a.IssueId = t.IssueId AND a.Status = 'Published' AND a.PagePosition < t.PagePosition
              ORDER BY a.PagePosition DESC LIMIT 1) c
        UNION ALL
        SELECT 6, 0, c.Id, NULL, NULL, {CardTitle}, {CardText}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.PublishedAt, NULL, {CardKind}, NULL, NULL, NULL, NULL
        FROM (SELECT a.Id, a.Headline, a.Body, a.Kind, a.DisplayTitle, a.PublishedAt FROM article t JOIN Articles a
              ON a.IssueId = t.IssueId AND a.Status = 'Published' AND a.PagePosition > t.PagePosition
              ORDER BY a.PagePosition LIMIT 1) c
        UNION ALL
        SELECT 7, row_number() OVER (ORDER BY c.Date DESC, c.CreatedAt DESC, c.Id DESC), c.Id, NULL, NULL, c.Kind, c.Text,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.Date, c.CreatedAt, NULL, NULL, NULL, NULL, NULL, NULL
        FROM article t JOIN Corrections c ON c.ArticleId = t.Id
        ORDER BY Kind, Seq
        """;

    // More idle connections than requests can run at once (the concurrency limiter's permits) would only hold memory.
    private const int MaxIdle = 16;

    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly ConcurrentQueue<PreparedConnection> _idle = new();
    private volatile bool _disposed;

    /// <summary>Runs the statement for the article <paramref name="id"/> and hands its rows to <paramref name="read"/>.</summary>
    public async Task<T> ReadAsync<T>(int id, Func<SqliteDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var prepared = _idle.TryDequeue(out var idle) ? idle : new PreparedConnection(_connectionString);
        T result;
        try
        {
            prepared.Id.Value = id;
            // Disposing the reader resets the statement, which ends its read transaction; the statement stays prepared.
            await using var reader = await prepared.Command.ExecuteReaderAsync(cancellationToken);
            result = await read(reader, cancellationToken);
        }
        catch
        {
            // A connection that failed mid-read (a damaged file, a cancelled read) is not trusted again.
            prepared.Dispose();
            throw;
        }
        if (_disposed || _idle.Count >= MaxIdle)
        {
            prepared.Dispose();
        }
        else
        {
            _idle.Enqueue(prepared);
        }
        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var prepared))
        {
            prepared.Dispose();
        }
    }

    /// <summary>One connection, open, with the statement prepared on it. Used by one request at a time.</summary>
    private sealed class PreparedConnection : IDisposable
    {
        private readonly SqliteConnection _connection;

        public PreparedConnection(string connectionString)
        {
            // Pooling is off: this class is the pool, and its connections stay open with their statement.
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                using (var setUp = _connection.CreateCommand())
                {
                    // Read-only: this hand-written path cannot change the store, whatever its SQL becomes.
                    setUp.CommandText = "PRAGMA query_only = 1;";
                    setUp.ExecuteNonQuery();
                }
                Command = _connection.CreateCommand();
                Command.CommandText = Sql;
                Id = Command.Parameters.Add("$id", SqliteType.Integer);
                Command.Prepare();
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public SqliteCommand Command { get; }

        public SqliteParameter Id { get; }

        public void Dispose()
        {
            Command?.Dispose();
            _connection.Dispose();
        }
    }
}
