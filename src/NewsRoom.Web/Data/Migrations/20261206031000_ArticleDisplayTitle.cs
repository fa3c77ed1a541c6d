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
            migrationBuilder.DropColumn(
                name: "DisplayTitle",
                table: "Articles");
        }
    }
}
