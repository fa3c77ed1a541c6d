using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleDisplayTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayTitle",
                table: "Articles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN: EF's DropColumn rebuilds the table, and the triggers on ArticleRegions that name
            // Articles fail while it is rebuilt (as in ArticlePrimaryRegion's downgrade).
            migrationBuilder.Sql("ALTER TABLE Articles DROP COLUMN DisplayTitle;");
        }
    }
}
