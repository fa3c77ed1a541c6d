using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// The search index: an FTS5 trigram table of published articles, kept in step by triggers on the tables its
    /// text comes from, so every writer (importer, desk, bulk SQL) updates it without knowing it exists.
    /// The SQL is written out here, not shared with the search code, so this migration never changes after the fact.
    /// </summary>
    [DbContext(typeof(NewsRoomDb))]
    [Migration("20261122235000_AddArticleSearch")]
    public partial class AddArticleSearch : Migration
    {
        // Two spaces end every column so that a one- or two-character word at the very end of a column still
        // begins some trigram: short queries are answered by expanding them to the trigrams they begin.
        private const string End = "'  '";

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
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Headline, Kicker, Subheadline, Body, Captions, Bylines, tokenize = 'trigram');");
            // Headline above kicker and subheadline, above bylines and captions, above the body.
            migrationBuilder.Sql("INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES('rank', 'bm25(10.0, 4.0, 4.0, 1.0, 2.0, 3.0)');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearchTerms USING fts5vocab(ArticleSearch, 'row');");

            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleInsert AFTER INSERT ON Articles BEGIN
                {Reindex("NEW.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleUpdate AFTER UPDATE OF Headline, Kicker, Subheadline, Body, Status ON Articles BEGIN
                {Remove("OLD.Id")}
                {Reindex("NEW.Id")}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleDelete AFTER DELETE ON Articles BEGIN
                DELETE FROM ArticleSearch WHERE rowid = OLD.Id;
                END;
                """);
            foreach (var (table, name) in new[] { ("ArticleBylines", "Byline"), ("Photos", "Photo") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Insert AFTER INSERT ON {table} BEGIN
                    {Reindex("NEW.ArticleId")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Update AFTER UPDATE ON {table} BEGIN
                    {Reindex("OLD.ArticleId")}
                    {Reindex("NEW.ArticleId")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER ArticleSearch_{name}Delete AFTER DELETE ON {table} BEGIN
                    {Reindex("OLD.ArticleId")}
                    END;
                    """);
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_PersonUpdate AFTER UPDATE OF Name ON People BEGIN
                {Reindex("SELECT b.ArticleId FROM ArticleBylines b WHERE b.PersonId = NEW.Id")}
                END;
                """);

            // Articles already in the store.
            migrationBuilder.Sql(Insert("SELECT Id FROM Articles"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearchTerms;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }

        private static string Remove(string ids) => $"DELETE FROM ArticleSearch WHERE rowid IN ({ids});";

        private static string Reindex(string ids) => Remove(ids) + "\n" + Insert(ids);

        // Only published articles are ever in the index; anything else is removed by Remove and not put back.
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
