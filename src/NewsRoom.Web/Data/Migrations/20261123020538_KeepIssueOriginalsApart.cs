using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// Moves each issue's original bytes into IssueOriginals. SQLite reads a row's columns in order, and OriginalBytes came
    /// before Paper and IssueDate: every article page and list that showed the paper's name walked 50 KB of overflow pages.
    /// </summary>
    public partial class KeepIssueOriginalsApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IssueOriginals",
                columns: table => new
                {
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueOriginals", x => x.IssueId);
                    table.ForeignKey(
                        name: "FK_IssueOriginals_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("INSERT INTO IssueOriginals (IssueId, Bytes) SELECT Id, OriginalBytes FROM Issues;");

            // SQLite's own DROP COLUMN runs inside the migration's transaction; EF's DropColumn would rebuild the table with
            // foreign keys switched off, outside any transaction.
            migrationBuilder.Sql("ALTER TABLE Issues DROP COLUMN OriginalBytes;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "OriginalBytes",
                table: "Issues",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.Sql("UPDATE Issues SET OriginalBytes = (SELECT Bytes FROM IssueOriginals WHERE IssueId = Issues.Id) WHERE Id IN (SELECT IssueId FROM IssueOriginals);");

            migrationBuilder.DropTable(
                name: "IssueOriginals");
        }
    }
}
