using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// Imports index for search in batches. An imported file's transaction records its articles in ArticleSearchBacklog
    /// instead of indexing them itself; the importer indexes the backlog once enough articles wait, at the end of a run, and
    /// at start-up after a crash. FTS5 writes a new index segment at every commit and at every 'hashsize' bytes of pending
    /// index data (1 MB by default, about 400 articles of trigrams): with a segment per file, writing and merging segments
    /// was two thirds of a 100,000-article import. 16 MB lets one batch of a few thousand articles make one segment.
    /// </summary>
    public partial class SearchIndexBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE ArticleSearchBacklog (ArticleId INTEGER NOT NULL PRIMARY KEY);");
            migrationBuilder.Sql("INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('hashsize', 16777216);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('hashsize', 1048576);");
            migrationBuilder.Sql("DROP TABLE ArticleSearchBacklog;");
        }
    }
}
