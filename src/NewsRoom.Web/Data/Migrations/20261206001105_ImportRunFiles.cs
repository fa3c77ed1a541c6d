using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportRunFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRunFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRunFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRunFiles_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRunFiles_ImportRunId",
                table: "ImportRunFiles",
                column: "ImportRunId");

            // Each run's results move from its JSON array to one row per file, in the order the files were done.
            migrationBuilder.Sql("""
                INSERT INTO "ImportRunFiles" ("ImportRunId", "FileName", "Succeeded", "ResultJson")
                SELECT r."Id", ifnull(json_extract(f.value, '$.FileName'), ''), ifnull(json_extract(f.value, '$.Succeeded'), 0), f.value
                FROM "ImportRuns" r, json_each(r."ResultJson") f
                WHERE json_valid(r."ResultJson")
                ORDER BY r."Id", f.key;
                """);

            // SQLite's own DROP COLUMN, not EF's rebuild of the table: the rebuild drops ImportRuns, and with foreign keys on
            // that would cascade to the rows just moved.
            migrationBuilder.Sql("""ALTER TABLE "ImportRuns" DROP COLUMN "ResultJson";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResultJson",
                table: "ImportRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""
                UPDATE "ImportRuns" SET "ResultJson" = (
                    SELECT json_group_array(json(f."ResultJson")) FROM (
                        SELECT "ResultJson" FROM "ImportRunFiles" WHERE "ImportRunId" = "ImportRuns"."Id" ORDER BY "Id") f)
                WHERE EXISTS (SELECT 1 FROM "ImportRunFiles" WHERE "ImportRunId" = "ImportRuns"."Id");
                """);

            migrationBuilder.DropTable(
                name: "ImportRunFiles");
        }
    }
}
