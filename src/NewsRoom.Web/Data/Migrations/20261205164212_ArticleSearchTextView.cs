using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// The search index's text defined once, as the view ArticleSearchText: one row per published article, the columns
    /// ArticleSearch holds. The triggers and the importer's backlog indexer (SearchIndexPause) both read the view, where
    /// each used to write the same SELECT out for itself. Only SQL: the EF model does not change.
    /// The SQL is written out here, as in AddArticleSearch, so this migration never changes after the fact.
    /// </summary>
    public partial class ArticleSearchTextView : Migration
    {
        private const string End = "'  '";
        private const string Active = "WHEN NOT EXISTS (SELECT 1 FROM ArticleSearchPaused)";

        private static readonly string[] Triggers =
        [
            "ArticleSearch_ArticleInsert", "ArticleSearch_ArticleUpdate", "ArticleSearch_ArticleDelete",
            "ArticleSearch_BylineInsert", "ArticleSearch_BylineUpdate", "ArticleSearch_BylineDelete",
            "ArticleSearch_PhotoInsert", "ArticleSearch_PhotoUpdate", "ArticleSearch_PhotoDelete",
            "ArticleSearch_PersonUpdate",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Two spaces end every column so that a one- or two-character word at the very end of a column still begins
            // some trigram. Only published articles are ever in the index.
            migrationBuilder.Sql($"""
                CREATE VIEW ArticleSearchText AS
                SELECT a.Id AS Id,
                    coalesce(a.Headline, '') || {End} AS Headline,
                    coalesce(a.Kicker, '') || {End} AS Kicker,
                    coalesce(a.Subheadline, '') || {End} AS Subheadline,
                    a.Body || {End} AS Body,
                    coalesce((SELECT group_concat(coalesce(p.Title || ' ', '') || p.Caption || coalesce(' ' || p.Credits, ''), {End}) FROM Photos p WHERE p.ArticleId = a.Id), '') || {End} AS Captions,
                    coalesce((SELECT group_concat(pe.Name, {End}) FROM ArticleBylines b JOIN People pe ON pe.Id = b.PersonId WHERE b.ArticleId = a.Id), '') || {End} AS Bylines
                FROM Articles a
                WHERE a.Status = 'Published';
                """);
            CreateTriggers(migrationBuilder, ids => """
                INSERT INTO ArticleSearch(rowid, Headline, Kicker, Subheadline, Body, Captions, Bylines)
                SELECT Id, Headline, Kicker, Subheadline, Body, Captions, Bylines FROM ArticleSearchText
                """ + $"\nWHERE Id IN ({ids});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers as ReaderOrderIndexAndSearchPause made them, each with the text written out.
            CreateTriggers(migrationBuilder, ids => $"""
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
                """);
            migrationBuilder.Sql("DROP VIEW ArticleSearchText;");
        }

        private static void CreateTriggers(MigrationBuilder migrationBuilder, Func<string, string> insert)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            string Remove(string ids) => $"DELETE FROM ArticleSearch WHERE rowid IN ({ids});";
            string Reindex(string ids) => Remove(ids) + "\n" + insert(ids);

            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleInsert AFTER INSERT ON Articles {Active} BEGIN
                {Reindex("NEW.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleUpdate AFTER UPDATE OF Headline, Kicker, Subheadline, Body, Status ON Articles {Active} BEGIN
                {Remove("OLD.Id")}
                {Reindex("NEW.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleDelete AFTER DELETE ON Articles {Active} BEGIN
                DELETE FROM ArticleSearch WHERE rowid = OLD.Id;
                END;
                """);
            foreach (var (table, name) in new[] { ("ArticleBylines", "Byline"), ("Photos", "Photo") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Insert AFTER INSERT ON {table} {Active} BEGIN
                    {Reindex("NEW.ArticleId")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Update AFTER UPDATE ON {table} {Active} BEGIN
                    {Reindex("OLD.ArticleId")}
                    {Reindex("NEW.ArticleId")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Delete AFTER DELETE ON {table} {Active} BEGIN
                    {Reindex("OLD.ArticleId")}
                    END;
                    """);
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_PersonUpdate AFTER UPDATE OF Name ON People {Active} BEGIN
                {Reindex("SELECT b.ArticleId FROM ArticleBylines b WHERE b.PersonId = NEW.Id")}
                END;
                """);
        }
    }
}
