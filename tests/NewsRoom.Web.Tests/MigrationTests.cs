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
        Assert.Equal("乌海日报", await db.Editions.Where(e => e.Id == moved.EditionId).Select(e => e.Paper.Name).SingleAsync());
        Assert.DoesNotContain("OriginalBytes", columns);

        await migrator.MigrateAsync("SearchIndexBacklog");
        var restored = await db.Database.SqlQueryRaw<byte[]>("SELECT OriginalBytes AS Value FROM Issues WHERE SourceFileName = 'old.txt'").SingleAsync();

        Assert.Equal(bytes, restored);
    }

    [Fact]
    public async Task DigitalEdition_FilesEveryPageUnderItsPaperAndDay_AndAnUndatedPageLosesTheImportDay()
    {
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={Path.Combine(_folder, "store.db")}").Options;
        await using var db = new NewsRoomDb(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ImportRunFiles");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Issues (Id, SourceFileName, ContentHash, Origin, Paper, IssueDate, ImportedAt, Warnings, Unplaced, Furniture) VALUES
                (1, 'a.txt', 'h1', 'Seed', '内蒙古日报', '2024-06-03', '2026-12-01 00:00:00', '[]', '[]', '[]'),
                (2, 'b.txt', 'h2', 'Seed', '内蒙古日报', '2024-06-03', '2026-12-01 00:00:00', '[]', '[]', '[]'),
                (3, 'c.txt', 'h3', 'Upload', '扎兰屯晚报', NULL, '2026-12-01 00:00:00', '[]', '[]', '[]'),
                (4, 'd.txt', 'h4', 'Upload', NULL, NULL, '2026-12-01 00:00:00', '[]', '[]', '[]');
            INSERT INTO Articles (Id, Kind, Headline, Body, Status, CreatedAt, UpdatedAt, EditedSinceImport, ConcurrencyStamp, IssueId, ImportKey, PublishedAt) VALUES
                (10, 'Article', '有日期', '正文', 'Published', '2026-12-01 00:00:00', '2026-12-01 00:00:00', 0, 'A', 1, 'k1', '2024-06-02 22:00:00'),
                (11, 'Article', '无日期', '正文', 'Published', '2026-12-01 00:00:00', '2026-12-01 00:00:00', 0, 'B', 3, 'k2', '2026-12-01 00:00:00');
            """);

        await migrator.MigrateAsync("DigitalEdition");
        var pages = await db.Issues.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.EditionId, Paper = i.Edition.Paper.Name, i.Edition.Paper.Slug, PaperId = i.Edition.Paper.Id, i.Edition.PrintDate })
            .ToListAsync();
        var published = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.PublishedAt }).ToListAsync();

        Assert.Equal(pages[0].EditionId, pages[1].EditionId);
        Assert.Equal(("内蒙古日报", "neimenggu-ribao", new DateOnly(2024, 6, 3)), (pages[0].Paper, pages[0].Slug, pages[0].PrintDate!.Value));
        Assert.Equal(("扎兰屯晚报", $"paper-{pages[2].PaperId}", (DateOnly?)null), (pages[2].Paper, pages[2].Slug, pages[2].PrintDate));
        Assert.Equal((PaperNames.Unknown, PaperNames.UnknownSlug), (pages[3].Paper, pages[3].Slug));
        Assert.Equal([10, 11], published.Select(a => a.Id));
        Assert.NotNull(published[0].PublishedAt);
        Assert.Null(published[1].PublishedAt);

        await migrator.MigrateAsync("ImportRunFiles");
        var restored = await db.Database.SqlQueryRaw<string>("SELECT COALESCE(Paper, '-') || '|' || COALESCE(IssueDate, '-') AS Value FROM Issues ORDER BY Id").ToListAsync();

        Assert.Equal(["内蒙古日报|2024-06-03", "内蒙古日报|2024-06-03", "扎兰屯晚报|-", "-|-"], restored);
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

    [Fact]
    public async Task ReviewStepsEditLocksAndWorkingCopies_KeepEveryRevision_AndDowngradeKeepsThemToo()
    {
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={Path.Combine(_folder, "store.db")}").Options;
        await using var db = new NewsRoomDb(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AuditTrail");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Articles (Id, Kind, Headline, Body, Status, CreatedAt, UpdatedAt, EditedSinceImport, ConcurrencyStamp) VALUES
                (20, 'Article', '旧稿', '正文', 'Published', '2026-12-01 00:00:00', '2026-12-01 00:00:00', 0, 'A');
            INSERT INTO Revisions (Id, ArticleId, CreatedAt, CreatedBy, Action, Snapshot) VALUES
                (30, 20, '2026-12-01 00:00:00', 'editor@test.local', '发布', '{{"Headline":"旧稿"}}');
            """);

        await migrator.MigrateAsync();
        var revision = await db.Revisions.AsNoTracking().SingleAsync(r => r.Id == 30);

        Assert.Equal(("发布", "editor@test.local", "{\"Headline\":\"旧稿\"}"), (revision.Action, revision.CreatedBy, revision.Snapshot));
        Assert.Null(revision.Review);
        Assert.Null(revision.Comment);
        Assert.Equal(ArticleStatus.Published, await db.Articles.Where(a => a.Id == 20).Select(a => a.Status).SingleAsync());

        await migrator.MigrateAsync("AuditTrail");
        var kept = await db.Database.SqlQueryRaw<string>("SELECT Action AS Value FROM Revisions WHERE Id = 30").SingleAsync();

        Assert.Equal("发布", kept);
    }

    [Fact]
    public async Task MediaImages_KeepsEveryPhotoCaption_AndThePhotosSearchTriggers_BothWays()
    {
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={Path.Combine(_folder, "store.db")}").Options;
        await using var db = new NewsRoomDb(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AuditTrail");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Articles (Id, Kind, Headline, Body, Status, CreatedAt, UpdatedAt, EditedSinceImport, ConcurrencyStamp) VALUES
                (10, 'Photo', NULL, '', 'Published', '2025-06-02 00:00:00', '2025-06-02 00:00:00', 0, 'A');
            INSERT INTO Photos (Id, ArticleId, Title, Caption, Credits, "Order") VALUES (5, 10, NULL, '草原上的赛马 ■本报记者 王中宙 摄', '王中宙', 0);
            """);
        var triggersBefore = await PhotoTriggersAsync(db);

        await migrator.MigrateAsync();
        var photo = await db.Photos.SingleAsync(p => p.Id == 5);

        Assert.Equal(("草原上的赛马 ■本报记者 王中宙 摄", "王中宙", null, false), (photo.Caption, photo.Credits, photo.MediaImageId, photo.IsLead));
        Assert.Equal(triggersBefore, await PhotoTriggersAsync(db));
        Assert.NotEmpty(triggersBefore);
        // The view the search triggers read still reads Photos.
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearchText WHERE Captions LIKE '%赛马%'").SingleAsync());

        await migrator.MigrateAsync("AuditTrail");
        var captions = await db.Database.SqlQueryRaw<string>("SELECT Caption AS Value FROM Photos").ToListAsync();

        Assert.Equal(["草原上的赛马 ■本报记者 王中宙 摄"], captions);
        Assert.Equal(triggersBefore, await PhotoTriggersAsync(db));
    }

    private static Task<List<string>> PhotoTriggersAsync(NewsRoomDb db) =>
        db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Photos' ORDER BY name").ToListAsync();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
