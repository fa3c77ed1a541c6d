using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsRoom.Web.Data;

/// <summary>
/// Writes the articles an import adds, with their bylines, regions, photos and first revision, through statements
/// prepared once per file. Through EF every row's INSERT is compiled afresh, and compiling an INSERT into Articles
/// compiles the search triggers with it: that was half the time of a 100,000-article import. Runs on the context's
/// connection inside the file's transaction, after the issue and any new people were saved (their ids are read here).
/// Values are written as EF writes them (enums by name, Guid as upper-case text, DateTime as SQLite text), so the
/// rows read back through EF exactly like rows EF wrote; ImporterTests compares the two.
/// </summary>
internal sealed class NewArticleWriter : IAsyncDisposable
{
    private readonly SqliteCommand _article;
    private readonly SqliteCommand _byline;
    private readonly SqliteCommand _region;
    private readonly SqliteCommand _photo;
    private readonly SqliteCommand _revision;

    public NewArticleWriter(NewsRoomDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("New articles are written inside the file's import transaction.");
        _article = Prepare(connection, transaction, """
            INSERT INTO Articles (Kind, "Column", Kicker, Headline, Subheadline, DatelinePlace, DatelineDate, DatelineKind, Body,
                Status, PublishedAt, CreatedAt, UpdatedAt, CreatedBy, IssueId, PagePosition, ImportKey, ImportFingerprint,
                EditedSinceImport, ConcurrencyStamp, PrimaryRegionId)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
            RETURNING Id
            """, 21);
        _byline = Prepare(connection, transaction, """INSERT INTO ArticleBylines (ArticleId, PersonId, Role, "Order") VALUES ($1, $2, $3, $4)""", 4);
        _region = Prepare(connection, transaction, """INSERT INTO ArticleRegions (ArticleId, RegionId, IsPrimary, "Order") VALUES ($1, $2, $3, $4)""", 4);
        _photo = Prepare(connection, transaction, """INSERT INTO Photos (ArticleId, Title, Caption, Credits, "Order") VALUES ($1, $2, $3, $4, $5)""", 5);
        _revision = Prepare(connection, transaction, "INSERT INTO Revisions (ArticleId, CreatedAt, CreatedBy, Action, Snapshot) VALUES ($1, $2, $3, $4, $5)", 5);
    }

    /// <summary>Inserts the article and what hangs from it, sets its <see cref="Article.Id"/>, and records the revision.</summary>
    public async Task InsertAsync(Article article, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        Bind(_article, article.Kind.ToString(), article.Column, article.Kicker, article.Headline, article.Subheadline,
            article.DatelinePlace, article.DatelineDate, article.DatelineKind, article.Body, article.Status.ToString(),
            article.PublishedAt, article.CreatedAt, article.UpdatedAt, article.CreatedBy, article.IssueId, article.PagePosition,
            article.ImportKey, article.ImportFingerprint, article.EditedSinceImport, article.ConcurrencyStamp.ToString().ToUpperInvariant(),
            // What the region triggers would set, written with the row so they find nothing to change: rewriting every
            // new article a second time cost 4 s of a 100,000-article import.
            article.Regions.Where(r => r.IsPrimary).OrderBy(r => r.Order).Select(r => (int?)r.RegionId).FirstOrDefault());
        article.Id = Convert.ToInt32(await _article.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var byline in article.Bylines)
        {
            byline.ArticleId = article.Id;
            byline.PersonId = byline.Person.Id;
            await RunAsync(_byline, cancellationToken, article.Id, byline.PersonId, byline.Role.ToString(), byline.Order);
        }
        foreach (var region in article.Regions)
        {
            region.ArticleId = article.Id;
            await RunAsync(_region, cancellationToken, article.Id, region.RegionId, region.IsPrimary, region.Order);
        }
        foreach (var photo in article.Photos)
        {
            photo.ArticleId = article.Id;
            await RunAsync(_photo, cancellationToken, article.Id, photo.Title, photo.Caption, photo.Credits, photo.Order);
        }
        await RunAsync(_revision, cancellationToken, article.Id, article.UpdatedAt, article.CreatedBy, action, ArticleSnapshot.Of(article).ToJson());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _article, _byline, _region, _photo, _revision })
        {
            await command.DisposeAsync();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static Task<int> RunAsync(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
