using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// Pictures uploaded at the desk (MediaImages) with their renditions, and a photo's picture and lead mark. Photos gets
    /// its foreign key by ALTER TABLE … ADD COLUMN … REFERENCES, not by EF's table rebuild: rebuilding Photos would drop
    /// the search index's triggers on it and break the ArticleSearchText view that reads it.
    /// </summary>
    public partial class MediaImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsLead",
                table: "Photos",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MediaImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OriginalHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OriginalFormat = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OriginalBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Alt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreditName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreditPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaImages_People_CreditPersonId",
                        column: x => x.CreditPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MediaRenditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MediaImageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaRenditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaRenditions_MediaImages_MediaImageId",
                        column: x => x.MediaImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });


            migrationBuilder.CreateIndex(
                name: "IX_MediaImages_CreditPersonId",
                table: "MediaImages",
                column: "CreditPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaImages_OriginalHash",
                table: "MediaImages",
                column: "OriginalHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaImages_UploadedAt",
                table: "MediaImages",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaRenditions_MediaImageId_Format_Width",
                table: "MediaRenditions",
                columns: new[] { "MediaImageId", "Format", "Width" });

            // After MediaImages exists; SQLite allows a REFERENCES clause on an added column whose default is NULL.
            migrationBuilder.Sql("ALTER TABLE Photos ADD COLUMN MediaImageId INTEGER NULL CONSTRAINT FK_Photos_MediaImages_MediaImageId REFERENCES MediaImages (Id) ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_MediaImageId",
                table: "Photos",
                column: "MediaImageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot drop a column that holds a foreign key without rebuilding the table (see above), so Photos
            // keeps an empty MediaImageId; the model before this migration never reads it.
            migrationBuilder.Sql("UPDATE Photos SET MediaImageId = NULL;");

            migrationBuilder.DropIndex(
                name: "IX_Photos_MediaImageId",
                table: "Photos");

            migrationBuilder.DropTable(
                name: "MediaRenditions");

            migrationBuilder.DropTable(
                name: "MediaImages");

            // Dropped in place, not by EF's table rebuild (see above).
            migrationBuilder.Sql("ALTER TABLE Photos DROP COLUMN IsLead;");
        }
    }
}
