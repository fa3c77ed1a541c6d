using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// An issue's articles indexed by status too. The issue list asks, for each issue, whether it has a published article;
    /// with only (IssueId, PagePosition) SQLite answered through the covering reader-order index (Status first) and read
    /// every published article once per issue: 13 s for the list over 2,505 issues and 110,918 articles, 3 ms now.
    /// </summary>
    public partial class IssueArticlesByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_IssueId_PagePosition",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IssueId_Status_PagePosition",
                table: "Articles",
                columns: new[] { "IssueId", "Status", "PagePosition" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_IssueId_Status_PagePosition",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IssueId_PagePosition",
                table: "Articles",
                columns: new[] { "IssueId", "PagePosition" });
        }
    }
}
