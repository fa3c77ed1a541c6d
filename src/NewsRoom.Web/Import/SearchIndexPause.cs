using Microsoft.EntityFrameworkCore;
using NewsRoom.Web.Data;

namespace NewsRoom.Web.Import;

/// <summary>
/// Pauses the search index triggers for one import transaction (see the ReaderOrderIndexAndSearchPause migration) and
/// indexes the file's articles once at the end. The triggers would re-tokenize an article for each of its bylines and
/// photos; a 100,000-article import spends most of its time there otherwise. Both calls must run inside the file's
/// transaction, so the pause is never visible to another connection and a rolled-back file leaves the index as it was.
/// </summary>
internal static class SearchIndexPause
{
    private const string End = "'  '";

    // The same text the AddArticleSearch triggers index; kept beside the pause so the two are changed together.
    private const string Reindex = $"""
        DELETE FROM ArticleSearch WHERE rowid IN (SELECT value FROM json_each(@ids));
        INSERT INTO ArticleSearch(rowid, Headline, Kicker, Subheadline, Body, Captions, Bylines)
        SELECT a.Id,
            coalesce(a.Headline, '') || {End},
            coalesce(a.Kicker, '') || {End},
            coalesce(a.Subheadline, '') || {End},
            a.Body || {End},
            coalesce((SELECT group_concat(coalesce(p.Title || ' ', '') || p.Caption || coalesce(' ' || p.Credits, ''), {End}) FROM Photos p WHERE p.ArticleId = a.Id), '') || {End},
            coalesce((SELECT group_concat(pe.Name, {End}) FROM ArticleBylines b JOIN People pe ON pe.Id = b.PersonId WHERE b.ArticleId = a.Id), '') || {End}
        FROM Articles a
        WHERE a.Id IN (SELECT value FROM json_each(@ids)) AND a.Status = 'Published';
        DELETE FROM ArticleSearchPaused;
        """;

    public static Task PauseAsync(NewsRoomDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("INSERT OR IGNORE INTO ArticleSearchPaused (Id) VALUES (1);", cancellationToken);

    /// <summary>Indexes these articles as the triggers would have, and lifts the pause.</summary>
    public static Task ResumeAsync(NewsRoomDb db, IEnumerable<int> articleIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(Reindex,
            [new Microsoft.Data.Sqlite.SqliteParameter("@ids", "[" + string.Join(',', articleIds) + "]")], cancellationToken);
}
