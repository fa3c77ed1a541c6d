using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <summary>
    /// The digital edition: papers (with their slugs, PaperNames) and editions (a paper's printed day), and each imported
    /// page (Issues) filed into one with its 版次 and 版名. Every page's Paper and IssueDate move to a paper and an edition;
    /// a page whose day was unknown goes to its paper's edition without a day, and its stories lose the import day they
    /// carried as PublishedAt (readers see 日期不详). Issues is changed with SQLite's own ALTER TABLE inside the migration's
    /// transaction (as KeepIssueOriginalsApart does), not rebuilt: a rebuild runs with foreign keys off, outside any
    /// transaction. SQLite adds a column with a foreign key only with a NULL default, so EditionId is NOT NULL in the model
    /// and nullable in the file; the importer always sets it, and this migration sets it on every existing page.
    /// </summary>
    public partial class DigitalEdition : Migration
    {
        private const string PaperOf = "COALESCE(Issues.Paper, '" + PaperNames.Unknown + "')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Papers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    HomeRegionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Papers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Papers_Regions_HomeRegionId",
                        column: x => x.HomeRegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Editions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrintDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Editions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Editions_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(name: "IX_Editions_PaperId_PrintDate", table: "Editions", columns: new[] { "PaperId", "PrintDate" }, unique: true);
            migrationBuilder.CreateIndex(name: "IX_Papers_HomeRegionId", table: "Papers", column: "HomeRegionId");
            migrationBuilder.CreateIndex(name: "IX_Papers_Name", table: "Papers", column: "Name", unique: true);
            migrationBuilder.CreateIndex(name: "IX_Papers_Slug", table: "Papers", column: "Slug", unique: true);

            // One paper per name the pages carry; a name the table does not know gets paper-{id} once it has an id.
            migrationBuilder.Sql($"""
                INSERT INTO Papers (Name, Slug)
                SELECT Name, CASE Name {KnownCases(p => p.Slug)} ELSE 'new-' || hex(randomblob(8)) END
                FROM (SELECT {PaperOf} AS Name FROM Issues GROUP BY {PaperOf} ORDER BY MIN(Issues.Id));
                UPDATE Papers SET Slug = 'paper-' || Id WHERE Slug LIKE 'new-%';
                UPDATE Papers SET HomeRegionId = (SELECT Issues.HomeRegionId FROM Issues WHERE {PaperOf} = Papers.Name AND Issues.HomeRegionId IS NOT NULL LIMIT 1);
                UPDATE Papers SET HomeRegionId = (SELECT Id FROM Regions WHERE ParentId IS NULL AND Name = CASE Papers.Name {KnownCases(p => p.HomeRegion)} END)
                WHERE HomeRegionId IS NULL;
                INSERT INTO Editions (PaperId, PrintDate)
                SELECT DISTINCT Papers.Id, Issues.IssueDate FROM Issues JOIN Papers ON Papers.Name = {PaperOf};
                """);

            migrationBuilder.Sql("ALTER TABLE Issues ADD COLUMN EditionId INTEGER NULL REFERENCES Editions (Id) ON DELETE RESTRICT;");
            migrationBuilder.AddColumn<bool>(name: "FiledByAdmin", table: "Issues", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<int>(name: "PageNumber", table: "Issues", type: "INTEGER", nullable: true);
            migrationBuilder.AddColumn<string>(name: "PageName", table: "Issues", type: "TEXT", maxLength: 50, nullable: true);
            migrationBuilder.AddColumn<string>(name: "TextHash", table: "Issues", type: "TEXT", maxLength: 64, nullable: true);
            migrationBuilder.Sql($"""
                UPDATE Issues SET EditionId = (
                    SELECT Editions.Id FROM Editions JOIN Papers ON Papers.Id = Editions.PaperId
                    WHERE Papers.Name = {PaperOf} AND Editions.PrintDate IS Issues.IssueDate);
                UPDATE Articles SET PublishedAt = NULL
                WHERE ImportKey IS NOT NULL AND IssueId IN (SELECT Id FROM Issues WHERE IssueDate IS NULL);
                DROP INDEX IX_Issues_IssueDate;
                ALTER TABLE Issues DROP COLUMN IssueDate;
                ALTER TABLE Issues DROP COLUMN Paper;
                """);
            migrationBuilder.CreateIndex(name: "IX_Issues_EditionId_PageNumber", table: "Issues", columns: new[] { "EditionId", "PageNumber" });
            migrationBuilder.CreateIndex(name: "IX_Issues_TextHash", table: "Issues", column: "TextHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "Paper", table: "Issues", type: "TEXT", maxLength: 100, nullable: true);
            migrationBuilder.AddColumn<DateOnly>(name: "IssueDate", table: "Issues", type: "TEXT", nullable: true);
            // An undated page's stories get back the import day they had before.
            migrationBuilder.Sql($"""
                UPDATE Issues SET
                    Paper = (SELECT NULLIF(Papers.Name, '{PaperNames.Unknown}') FROM Editions JOIN Papers ON Papers.Id = Editions.PaperId WHERE Editions.Id = Issues.EditionId),
                    IssueDate = (SELECT PrintDate FROM Editions WHERE Editions.Id = Issues.EditionId);
                UPDATE Articles SET PublishedAt = (SELECT ImportedAt FROM Issues WHERE Issues.Id = Articles.IssueId)
                WHERE PublishedAt IS NULL AND ImportKey IS NOT NULL AND IssueId IS NOT NULL;
                DROP INDEX IX_Issues_EditionId_PageNumber;
                DROP INDEX IX_Issues_TextHash;
                ALTER TABLE Issues DROP COLUMN FiledByAdmin;
                ALTER TABLE Issues DROP COLUMN PageNumber;
                ALTER TABLE Issues DROP COLUMN PageName;
                ALTER TABLE Issues DROP COLUMN TextHash;
                """);
            migrationBuilder.CreateIndex(name: "IX_Issues_IssueDate", table: "Issues", column: "IssueDate");
            // SQLite drops a column with a foreign key only by rebuilding the table, which EF does after every other step
            // here: the pages stop naming their editions first, so the editions can go.
            migrationBuilder.Sql("UPDATE Issues SET EditionId = NULL;");
            migrationBuilder.DropColumn(name: "EditionId", table: "Issues");
            migrationBuilder.DropTable(name: "Editions");
            migrationBuilder.DropTable(name: "Papers");
        }

        // "WHEN '内蒙古日报' THEN 'neimenggu-ribao' …" for each paper the table knows with that part.
        private static string KnownCases(Func<(string Name, string Slug, string HomeRegion), string> part) =>
            string.Join(' ', PaperNames.Known.Where(p => part(p) is not null).Select(p => $"WHEN '{p.Name}' THEN '{part(p)}'"));
    }
}
