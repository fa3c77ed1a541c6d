using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    [Fact]
    public async Task ArticlePrimaryRegion_FillsTheColumnFromExistingRegions_AndDowngradeKeepsTheSearchTriggers()
    {
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={Path.Combine(_folder, "store.db")}").Options;
        await using var db = new NewsRoomDb(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("KeepIssueOriginalsApart");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Regions (Id, Code, Name, Kind, Slug, NameEn, Aliases, SortOrder) VALUES
                (1, '150300', '乌海市', 'prefecture_city', 'wuhai', 'Wuhai', '[]', 1),
                (2, '152900', '阿拉善盟', 'league', 'alashan', 'Alxa', '[]', 2);
            INSERT INTO Articles (Id, Kind, Headline, Body, Status, CreatedAt, UpdatedAt, EditedSinceImport, ConcurrencyStamp) VALUES
                (10, 'Article', '两地', '正文', 'Published', '2025-06-02 00:00:00', '2025-06-02 00:00:00', 0, 'A'),
                (11, 'Article', '无主', '正文', 'Published', '2025-06-02 00:00:00', '2025-06-02 00:00:00', 0, 'B');
            INSERT INTO ArticleRegions (ArticleId, RegionId, IsPrimary, "Order") VALUES (10, 1, 0, 0), (10, 2, 1, 1), (11, 1, 0, 0);
            """);

        await migrator.MigrateAsync();
        var primaries = await db.Database.SqlQueryRaw<int?>("SELECT PrimaryRegionId AS Value FROM Articles ORDER BY Id").ToListAsync();

        Assert.Equal([2, null], primaries);

        await migrator.MigrateAsync("KeepIssueOriginalsApart");
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Articles')").ToListAsync();
        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync();

        Assert.DoesNotContain("PrimaryRegionId", columns);
        Assert.Contains("ArticleSearch_ArticleUpdate", triggers);
        Assert.DoesNotContain(triggers, name => name.StartsWith("ArticlePrimaryRegion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportRunFiles_MovesEveryRunsResultsIntoRows_AndBackOnDowngrade()
    {
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={Path.Combine(_folder, "store.db")}").Options;
        await using var db = new NewsRoomDb(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ArticleSearchTextView");
        var results = """[{"FileName":"a.txt","Succeeded":true,"Added":3,"Warnings":[],"Unplaced":[]},{"FileName":"b.txt","Succeeded":false,"Error":"坏","Warnings":[],"Unplaced":[]}]""";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ImportRuns (Id, StartedAt, StartedBy, DryRun, State, FilesTotal, FilesDone, ArticlesDone, ResultJson) VALUES
                (1, '2025-06-02 00:00:00', 'admin', 0, 'Succeeded', 2, 2, 5, {results}),
                (2, '2025-06-03 00:00:00', 'admin', 0, 'Succeeded', 0, 0, 0, '[]');
            """);

        await migrator.MigrateAsync();
        var moved = await ImportRunOutcomes.ReadAsync(db, [1, 2]);
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('ImportRuns')").ToListAsync();

        Assert.Equal([("a.txt", true, 3), ("b.txt", false, 0)], moved[1].Select(r => (r.FileName, r.Succeeded, r.Added)));
        Assert.Equal("坏", moved[1].Last().Error);
        Assert.Empty(moved[2]);
        Assert.DoesNotContain("ResultJson", columns);

        await migrator.MigrateAsync("ArticleSearchTextView");
        var restored = await db.Database.SqlQueryRaw<string>("SELECT ResultJson AS Value FROM ImportRuns ORDER BY Id").ToListAsync();

        Assert.Equal(["a.txt", "b.txt"], System.Text.Json.JsonDocument.Parse(restored[0]).RootElement.EnumerateArray().Select(e => e.GetProperty("FileName").GetString()));
        Assert.Equal("[]", restored[1]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
