using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// Articles.PrimaryRegionId, derived from ArticleRegions by triggers, and one region's reader order as an index.
    /// "The newest articles of this region" used to walk the reader order and probe each article's regions: cheap for a
    /// city with a third of the articles, 160 ms for a league with none among 110,000. Triggers rather than the
    /// application keep the column, so the importer's statements, EF and hand-written SQL all keep it alike; every
    /// trigger recomputes from the rows (the primary region of lowest order) and writes only on a change.
    /// The SQL is written out here, as in AddArticleSearch, so this migration never changes after the fact.
    /// </summary>
    public partial class ArticlePrimaryRegion : Migration
    {
        private const string IndexName = "IX_Articles_PrimaryRegionId_Status_PublishedAt_IssueId_PagePosition_Id";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PrimaryRegionId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql($"UPDATE Articles SET PrimaryRegionId = {PrimaryOf("Articles.Id")};");

            migrationBuilder.CreateIndex(
                name: IndexName,
                table: "Articles",
                columns: new[] { "PrimaryRegionId", "Status", "PublishedAt", "IssueId", "PagePosition", "Id" },
                descending: new[] { false, false, true, true, false, false });

            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticlePrimaryRegion_Insert AFTER INSERT ON ArticleRegions WHEN NEW.IsPrimary BEGIN
                {Recompute("NEW.ArticleId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticlePrimaryRegion_Update AFTER UPDATE OF ArticleId, RegionId, IsPrimary, "Order" ON ArticleRegions
                WHEN OLD.IsPrimary OR NEW.IsPrimary BEGIN
                {Recompute("OLD.ArticleId")}
                {Recompute("NEW.ArticleId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticlePrimaryRegion_Delete AFTER DELETE ON ArticleRegions WHEN OLD.IsPrimary BEGIN
                {Recompute("OLD.ArticleId")}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ArticlePrimaryRegion_Insert", "ArticlePrimaryRegion_Update", "ArticlePrimaryRegion_Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.DropIndex(
                name: IndexName,
                table: "Articles");

            // SQLite's own DROP COLUMN: EF's DropColumn rebuilds the table, and a rebuilt Articles loses its search triggers.
            migrationBuilder.Sql("ALTER TABLE Articles DROP COLUMN PrimaryRegionId;");
        }

        private static string PrimaryOf(string articleId) =>
            $"""(SELECT r.RegionId FROM ArticleRegions r WHERE r.ArticleId = {articleId} AND r.IsPrimary ORDER BY r."Order" LIMIT 1)""";

        private static string Recompute(string articleId) =>
            $"UPDATE Articles SET PrimaryRegionId = {PrimaryOf(articleId)} WHERE Id = {articleId} AND PrimaryRegionId IS NOT {PrimaryOf(articleId)};";
    }
}
