using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// The reader lists' order as one index, and a pause for the search triggers: while the one-row table
    /// ArticleSearchPaused has a row, the triggers do nothing. The importer inserts the row inside its file's transaction,
    /// indexes the file's articles once at the end and deletes the row before the commit, so no other connection ever
    /// sees the pause; without it every byline and photo insert re-tokenizes its whole article.
    /// The SQL is written out here, as in AddArticleSearch, so this migration never changes after the fact.
    /// </summary>
    public partial class ReaderOrderIndexAndSearchPause : Migration
    {
        private const string End = "'  '";
        private const string Active = "WHEN NOT EXISTS (SELECT 1 FROM ArticleSearchPaused)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt_IssueId_PagePosition_Id",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt", "IssueId", "PagePosition", "Id" },
                descending: new[] { false, true, true, false, false });

            migrationBuilder.Sql("CREATE TABLE ArticleSearchPaused (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1));");
            CreateTriggers(migrationBuilder, Active);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt_IssueId_PagePosition_Id",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt" });

            CreateTriggers(migrationBuilder, string.Empty);
            migrationBuilder.Sql("DROP TABLE ArticleSearchPaused;");
        }

        private static void CreateTriggers(MigrationBuilder migrationBuilder, string when)
        {
            foreach (var trigger in new[]
            {
                "ArticleSearch_ArticleInsert", "ArticleSearch_ArticleUpdate", "ArticleSearch_ArticleDelete",
                "ArticleSearch_BylineInsert", "ArticleSearch_BylineUpdate", "ArticleSearch_BylineDelete",
                "ArticleSearch_PhotoInsert", "ArticleSearch_PhotoUpdate", "ArticleSearch_PhotoDelete",
                "ArticleSearch_PersonUpdate",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleInsert AFTER INSERT ON Articles {when} BEGIN
                {Reindex("NEW.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleUpdate AFTER UPDATE OF Headline, Kicker, Subheadline, Body, Status ON Articles {when} BEGIN
                {Remove("OLD.Id")}
                {Reindex("NEW.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleDelete AFTER DELETE ON Articles {when} BEGIN
                DELETE FROM ArticleSearch WHERE rowid = OLD.Id;
                END;
                """);
            foreach (var (table, name) in new[] { ("ArticleBylines", "Byline"), ("Photos", "Photo") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Insert AFTER INSERT ON {table} {when} BEGIN
                    {Reindex("NEW.ArticleId")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Update AFTER UPDATE ON {table} {when} BEGIN
                    {Reindex("OLD.ArticleId")}
                    {Reindex("NEW.ArticleId")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Delete AFTER DELETE ON {table} {when} BEGIN
                    {Reindex("OLD.ArticleId")}
                    END;
                    """);
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_PersonUpdate AFTER UPDATE OF Name ON People {when} BEGIN
                {Reindex("SELECT b.ArticleId FROM ArticleBylines b WHERE b.PersonId = NEW.Id")}
                END;
                """);
        }

        private static string Remove(string ids) => $"DELETE FROM ArticleSearch WHERE rowid IN ({ids});";

        private static string Reindex(string ids) => Remove(ids) + "\n" + Insert(ids);

        private static string Insert(string ids) => $"""
            INSERT INTO ArticleSearch(rowid, Headline, Kicker, Subheadline, Body, Captions, Bylines)
            SELECT a.Id,
                coalesce(a.Headline, '') || {End},
                coalesce(a.Kicker, '') || {End},
                coalesce(a.Subheadline, '') || {End},
                a.Body || {End},
                coalesce((SELECT group_concat(coalesce(p.Title || ' ', '') || p.Caption || coalesce(' ' || p.Credits, ''), {End}) FROM Photos p WHERE p.ArticleId = a.Id), '') || {End},
                coalesce((SELECT group_concat(pe.Name, {End}) FROM ArticleBylines b JOIN People pe ON pe.Id = b.PersonId WHERE b.ArticleId = a.Id), '') || {End}
            FROM Articles a
            WHERE a.Id IN ({ids}) AND a.Status = 'Published';
            """;
    }
}
