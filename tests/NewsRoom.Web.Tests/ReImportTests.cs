using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// A re-import, by a later parser or of a page read differently, keeps the id and the address of every story it still
/// finds, whatever the story's place on the page; and what the parser could not place reaches the store and the reader.
/// </summary>
public class ReImportTests(EmptyStoreFactory factory) : IClassFixture<EmptyStoreFactory>
{
    private static string SeedPath(string name) => Path.Combine(AppContext.BaseDirectory, "seeds", name);

    private async Task<T> WithImporterAsync<T>(Func<IssueImporter, Task<T>> action)
    {
        _ = factory.Server; // first start has run
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IssueImporter>());
    }

    private Task<FileImportResult> ImportAsync(ImportSource source) => WithImporterAsync(importer => importer.ImportAsync(source, "test"));

    private static ImportSource Recorded(ParsedIssue issue, byte[]? bytes = null) =>
        ImportSource.WithReading(issue.File, bytes ?? System.Text.Encoding.UTF8.GetBytes(issue.File), IssueOrigin.Upload,
            new PageDumpReading(issue, null, "UTF-8", null));

    // The published articles of a file, by import key.
    private Task<Dictionary<string, int>> PublishedIdsAsync(string file) => factory.WithDbAsync(db => db.Articles
        .Where(a => a.Issue!.SourceFileName == file && a.ImportKey != null && a.Status == ArticleStatus.Published)
        .ToDictionaryAsync(a => a.ImportKey!, a => a.Id));

    private Task<Dictionary<string, int>> PublishedIdsByHeadlineAsync(string file) => factory.WithDbAsync(db => db.Articles
        .Where(a => a.Issue!.SourceFileName == file && a.Status == ArticleStatus.Published)
        .ToDictionaryAsync(a => a.Headline!, a => a.Id));

    private async Task AssertAddressShowsAsync(int id, string text)
    {
        using var client = factory.CreateClient();
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)));
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    private static ParsedArticle Story(string headline, string body) =>
        new(ArticleKind.Article, null, null, headline, null, [], null, [body], [], [], [], FirstLine: 0);

    private static ParsedIssue Page(string file, IReadOnlyList<ParsedArticle> articles, IReadOnlyList<string>? unplaced = null, IReadOnlyList<string>? furniture = null) =>
        new(file, "测试日报", null, new DateOnly(2026, 12, 1), articles, furniture ?? [], unplaced ?? [], []);

    [Fact]
    public async Task Seeds_ImportedWithTheOldParse_KeepTheIdAndAddressOfEveryStoryTheCurrentParserStillFinds()
    {
        var compared = 0;
        foreach (var old in RecordedParse.Load(RecordedParse.OldSeedsPath))
        {
            var bytes = await File.ReadAllBytesAsync(SeedPath(old.File));
            Assert.True((await ImportAsync(Recorded(old, bytes))).Succeeded);
            var before = await PublishedIdsAsync(old.File);
            Assert.Equal(ImportKeys.For(old.Articles).Order(StringComparer.Ordinal), before.Keys.Order(StringComparer.Ordinal));

            // The same bytes, read by the parser as it is now: it may find more, fewer or other stories than the old one.
            var current = new ImportSource(old.File, bytes, IssueOrigin.Upload);
            var now = current.Reading.Issue;
            Assert.NotNull(now);
            Assert.True((await ImportAsync(current)).Succeeded);
            var after = await PublishedIdsAsync(old.File);

            var keys = ImportKeys.For(now.Articles);
            for (var i = 0; i < now.Articles.Count; i++)
            {
                if (!before.TryGetValue(keys[i], out var id))
                {
                    continue; // a story the old parser did not find: new, with a new address
                }
                Assert.Equal(id, after[keys[i]]);
                await AssertAddressShowsAsync(id, ImportKeys.TitleOf(now.Articles[i]) ?? now.Articles[i].Body[0]);
                compared++;
            }
        }
        // Matched by key, not by counts, so a rebuilt parser may differ; but it must still find some of the same stories.
        Assert.NotEqual(0, compared);
    }

    [Fact]
    public async Task ReImport_WithStoriesReorderedAndOneInsertedAbove_KeepsEveryIdAndAddress()
    {
        const string file = "reorder-test.txt";
        ParsedArticle a = Story("呼和浩特新开三条公交线路", "新线路明日开通。"), b = Story("包头钢铁节能改造完成", "改造历时两年。"),
            c = Story("赤峰草原书屋开进牧区", "牧民就近借书。"), inserted = Story("乌海新建湖滨公园", "公园五月开放。");
        Assert.True((await ImportAsync(Recorded(Page(file, [a, b, c])))).Succeeded);
        var before = await PublishedIdsByHeadlineAsync(file);

        // The next reading of the page finds a story above the others, and reads the last one first.
        var second = Page(file, [inserted, c, a, b]);
        var plan = await WithImporterAsync(importer => importer.PlanAsync(Recorded(second)));
        Assert.True((await ImportAsync(Recorded(second))).Succeeded);
        var after = await PublishedIdsByHeadlineAsync(file);

        Assert.Equal(inserted.Headline, Assert.Single(plan.Added).Title);
        Assert.Empty(plan.Removed);
        Assert.Equal(4, after.Count);
        foreach (var story in new[] { a, b, c })
        {
            Assert.Equal(before[story.Headline!], after[story.Headline!]);
            await AssertAddressShowsAsync(before[story.Headline!], story.Body[0]);
        }
    }

    [Fact]
    public void ImportKeys_DoNotDependOnAStorysPlaceOnThePage()
    {
        ParsedArticle a = Story("甲", "甲文。"), b = Story("乙", "乙文。"), c = Story("丙", "丙文。"), x = Story("新", "新文。");

        var keys = ImportKeys.For([a, b, c]);
        var moved = ImportKeys.For([x, c, a, b]);

        Assert.Equal([keys[0], keys[1], keys[2]], [moved[2], moved[3], moved[1]]);
    }

    [Fact]
    public async Task Import_UnplacedTextAndFurniture_AreStoredWithTheIssueAndShownOnItsPage()
    {
        const string file = "unplaced-test.txt";
        string[] unplaced = ["这一行没有归入任何文章：鄂尔多斯市图书馆周一闭馆", "另一行孤立文字：热线电话 0471-0000000"];
        string[] furniture = ["版面栏头：测试日报 2026年12月1日 第3版"];

        Assert.True((await ImportAsync(Recorded(Page(file, [Story("锡林郭勒那达慕开幕", "那达慕今日开幕。")], unplaced, furniture)))).Succeeded);

        var issue = await factory.WithDbAsync(db => db.Issues.Where(i => i.SourceFileName == file).Select(i => new { i.Id, i.Unplaced, i.Furniture }).SingleAsync());
        Assert.Equal(unplaced, issue.Unplaced);
        Assert.Equal(furniture, issue.Furniture);
        using var client = factory.CreateClient();
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/issues/{issue.Id}", UriKind.Relative)));
        Assert.All(unplaced.Concat(furniture), line => Assert.Contains(line, html, StringComparison.Ordinal));
    }
}
