using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

/// <summary>
/// Pauses the search index triggers for one import transaction (see the ReaderOrderIndexAndSearchPause migration) and
/// leaves the file's articles in the search backlog (see the SearchIndexBacklog migration), indexed later in one batch
/// with other files' articles. The triggers would re-tokenize an article for each of its bylines and photos, and an
/// index written per file makes a segment per file. Pause and resume run inside the file's transaction, so no other
/// connection ever sees the pause, and a rolled-back file leaves neither the index nor the backlog changed.
/// </summary>
internal static class SearchIndexPause
{
    // The text is the view ArticleSearchText (the ArticleSearchTextView migration), which the triggers read too, so the
    // backlog is indexed exactly as the triggers would have indexed it.
    // CROSS JOIN keeps the backlog as the outer loop: with "a.Id IN (backlog) AND a.Status = 'Published'" SQLite chose the
    // Status index and read every published article for each batch (37 of the 62 s of a 100,000-article import).
    private const string IndexBacklog = """
        DELETE FROM ArticleSearch WHERE rowid IN (SELECT ArticleId FROM ArticleSearchBacklog);
        INSERT INTO ArticleSearch(rowid, Headline, Kicker, Subheadline, Body, Captions, Bylines)
        SELECT t.Id, t.Headline, t.Kicker, t.Subheadline, t.Body, t.Captions, t.Bylines
        FROM ArticleSearchBacklog k CROSS JOIN ArticleSearchText t ON t.Id = k.ArticleId;
        DELETE FROM ArticleSearchBacklog;
        """;

    public static Task PauseAsync(NewsRoomDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("INSERT OR IGNORE INTO ArticleSearchPaused (Id) VALUES (1);", cancellationToken);

    /// <summary>Lifts the pause and leaves these articles in the backlog, to be indexed by <see cref="IndexBacklogAsync"/>.</summary>
    public static Task ResumeAsync(NewsRoomDb db, IEnumerable<int> articleIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT OR IGNORE INTO ArticleSearchBacklog (ArticleId) SELECT value FROM json_each(@ids); DELETE FROM ArticleSearchPaused;",
            [new Microsoft.Data.Sqlite.SqliteParameter("@ids", "[" + string.Join(',', articleIds) + "]")], cancellationToken);

    /// <summary>
    /// Indexes every article in the backlog as the triggers would have, in one transaction. An article edited at the desk
    /// meanwhile was indexed by the triggers already; indexing it again from the stored row gives the same text.
    /// </summary>
    public static async Task<int> IndexBacklogAsync(NewsRoomDb db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (transaction)
        {
            var waiting = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearchBacklog")
                .SingleAsync(cancellationToken);
            if (waiting > 0)
            {
                await db.Database.ExecuteSqlRawAsync(IndexBacklog, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return waiting;
        }
    }
}
