using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class ImporterTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static string SeedPath(string name) => Path.Combine(AppContext.BaseDirectory, "seeds", name);

    private const string Seed = "001_a23782265d60c6c6.txt";

    private async Task<T> WithImporterAsync<T>(Func<IssueImporter, NewsRoomDb, Task<T>> action)
    {
        _ = factory.Server; // first start has run
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IssueImporter>(), scope.ServiceProvider.GetRequiredService<NewsRoomDb>());
    }

    [Fact]
    public async Task Import_SameBytesAgain_ChangesNothingAndKeepsIds()
    {
        var bytes = await File.ReadAllBytesAsync(SeedPath(Seed));
        var before = await factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == Seed).OrderBy(a => a.Id).Select(a => new { a.Id, a.ConcurrencyStamp }).ToListAsync());

        var plan = await WithImporterAsync((importer, _) => importer.PlanAsync(new ImportSource(Seed, bytes, IssueOrigin.Seed)));
        var result = await WithImporterAsync((importer, _) => importer.ImportAsync(new ImportSource(Seed, bytes, IssueOrigin.Seed), "test"));
        var after = await factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == Seed).OrderBy(a => a.Id).Select(a => new { a.Id, a.ConcurrencyStamp }).ToListAsync());

        Assert.Equal(FileImportState.Unchanged, plan.State);
        Assert.Empty(plan.Added);
        Assert.Empty(plan.Updated);
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.Added + result.Updated + result.Removed);
        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_EditedArticle_IsKeptByDefaultWhenTheImportChangesIt()
    {
        const string file = "edited-test.txt";
        var original = "草原书屋开进牧区\n\n□本报记者 张三\n\n牧民在家门口就能借到书。\n"u8.ToArray();
        var changed = "草原书屋开进牧区\n\n□本报记者 张三\n\n牧民在家门口就能借到新书。\n"u8.ToArray();
        await WithImporterAsync((importer, _) => importer.ImportAsync(new ImportSource(file, original, IssueOrigin.Upload), "test"));
        var id = await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Issue!.SourceFileName == file && a.Headline == "草原书屋开进牧区");
            article.Body = "编辑改过的正文。";
            article.EditedSinceImport = true;
            await db.SaveChangesAsync();
            return article.Id;
        });

        var plan = await WithImporterAsync((importer, _) => importer.PlanAsync(new ImportSource(file, changed, IssueOrigin.Upload)));
        var result = await WithImporterAsync((importer, _) => importer.ImportAsync(new ImportSource(file, changed, IssueOrigin.Upload), "test"));
        var body = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync());

        Assert.Single(plan.Conflicts);
        Assert.Equal(1, result.ConflictsKept);
        Assert.Equal("编辑改过的正文。", body);
    }

    [Fact]
    public async Task Import_UnreadableBytes_AreRefusedAndChangeNothing()
    {
        var countBefore = await factory.WithDbAsync(db => db.Issues.CountAsync());
        var garbage = new byte[] { 0x00, 0xFF, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03 };

        var result = await WithImporterAsync((importer, _) => importer.ImportAsync(new ImportSource("garbage.txt", garbage, IssueOrigin.Upload), "test"));

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(countBefore, await factory.WithDbAsync(db => db.Issues.CountAsync()));
    }
}
