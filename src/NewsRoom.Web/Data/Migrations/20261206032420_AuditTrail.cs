using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsRoom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_At",
                table: "AuditEntries",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Actor_At",
                table: "AuditEntries",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ArticleId_At",
                table: "AuditEntries",
                columns: new[] { "ArticleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            // Append-only in the store itself, whatever code runs against it: no row is ever changed, and none younger
            // than six months (the minimum Chinese law asks logs be kept, AuditOptions.MinimumRetainDays) is deleted.
            // EF writes times as 'yyyy-MM-dd HH:mm:ss.fffffff', which compares as text with strftime's form.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
                BEGIN
                    SELECT RAISE(ABORT, 'audit entries cannot be changed');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_KeepSixMonths BEFORE DELETE ON AuditEntries
                WHEN OLD.At > strftime('%Y-%m-%d %H:%M:%f', 'now', '-180 days')
                BEGIN
                    SELECT RAISE(ABORT, 'audit entries are kept at least 180 days');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_KeepSixMonths;");
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_NoUpdate;");

            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
