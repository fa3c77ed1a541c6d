using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsRoom.Web.Data;

namespace NewsRoom.Web.Tests;

/// <summary>Migrations that move data: a store made by an older version keeps everything when it is upgraded, and back.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-migration-" + Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task KeepIssueOriginalsApart_MovesEveryIssuesBytes_AndMovesThemBackOnDowngrade()
    {
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={Path.Combine(_folder, "store.db")}").Options;
        await using var db = new NewsRoomDb(options);
        var migrator = db.GetService<IMigrator>();
        byte[] bytes = [0xE4, 0xB9, 0x8C, 0xE6, 0xB5, 0xB7, 0x0A, 0x00, 0xFF];
        await migrator.MigrateAsync("SearchIndexBacklog");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Issues (SourceFileName, ContentHash, OriginalBytes, Origin, Paper, ImportedAt, Warnings, Unplaced, Furniture)
            VALUES ('old.txt', 'hash', {bytes}, 'Seed', '乌海日报', '2025-06-02 00:00:00', '[]', '[]', '[]')
            """);

        await migrator.MigrateAsync();
        var moved = await db.Issues.AsNoTracking().Include(i => i.Original).SingleAsync(i => i.SourceFileName == "old.txt");
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Issues')").ToListAsync();

        Assert.Equal(bytes, moved.Original?.Bytes);
        Assert.Equal("乌海日报", moved.Paper);
        Assert.DoesNotContain("OriginalBytes", columns);

        await migrator.MigrateAsync("SearchIndexBacklog");
        var restored = await db.Database.SqlQueryRaw<byte[]>("SELECT OriginalBytes AS Value FROM Issues WHERE SourceFileName = 'old.txt'").SingleAsync();

        Assert.Equal(bytes, restored);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
