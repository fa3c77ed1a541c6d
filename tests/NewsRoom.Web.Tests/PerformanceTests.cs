using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsRoom.Web.Data;
using NewsRoom.Web.Data.Entities;
using NewsRoom.Web.Import;

namespace NewsRoom.Web.Tests;

/// <summary>The speed work must not change behaviour: the paused search triggers, buffered run results, compression and static caching.</summary>
public partial class PerformanceTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static ImportSource Dump(string file, string headline, string reporter, string body) =>
        new(file, Encoding.UTF8.GetBytes($"{headline}\n\n□本报记者 {reporter}\n\n{body}\n"), IssueOrigin.Upload);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<List<int>> BylineRowsAsync(string text) => factory.WithDbAsync(db =>
        db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE Bylines LIKE {"%" + text + "%"}").ToListAsync());

    private Task<List<int>> HeadlineRowsAsync(string text) => factory.WithDbAsync(db =>
        db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE Headline LIKE {"%" + text + "%"}").ToListAsync());

    [Fact]
    public async Task Import_IndexesTheArticleWithItsByline_AndLeavesTheSearchTriggersOn()
    {
        var result = await InScopeAsync(sp => sp.GetRequiredService<IssueImporter>()
            .ImportAsync(Dump("perf-index.txt", "驼铃声里的边境小镇", "乌日娜", "额济纳旗的胡杨林迎来了今年第一批远方的客人。"), "test"));
        var id = await factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == "perf-index.txt" && a.Body.Contains("胡杨林")).Select(a => a.Id).SingleAsync());

        // The byline is inserted after the article: found by the byline, the row was indexed once everything was in.
        Assert.True(result.Succeeded);
        Assert.Contains(id, await BylineRowsAsync("乌日娜"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearchPaused").SingleAsync()));

        // Outside an import the triggers still keep the index in step with the desk's edits.
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Headline = "胡杨林下的新客栈";
            return await db.SaveChangesAsync();
        });
        Assert.Contains(id, await HeadlineRowsAsync("新客栈"));
        Assert.DoesNotContain(id, await HeadlineRowsAsync("驼铃声"));
    }

    [Fact]
    public async Task ImportRun_WritesEveryFilesResult_WhenItFinishes()
    {
        var (runId, results, filesDone) = await InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<ImportRunner>();
            var run = await runner.CreateAsync("test", 3);
            for (var i = 0; i < 3; i++)
            {
                await runner.ImportFileAsync(run, Dump($"perf-run-{i}.txt", $"草原书屋第{i + 1}站", "张三", $"第{i + 1}个牧区书屋开门了，牧民在家门口就能借到书。"), null, CancellationToken.None);
            }
            await runner.FinishAsync(run, CancellationToken.None);
            var db = sp.GetRequiredService<NewsRoomDb>();
            var stored = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run);
            return (run, ImportRunner.ParseResults(stored.ResultJson), stored.FilesDone);
        });

        Assert.True(runId > 0);
        Assert.Equal(3, filesDone);
        Assert.Equal(["perf-run-0.txt", "perf-run-1.txt", "perf-run-2.txt"], results.Select(r => r.FileName));
    }

    [Fact]
    public async Task ArticlePage_IsCompressedOnlyForAClientThatAsks()
    {
        var id = await factory.WithDbAsync(db => db.PublishedArticles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var client = factory.CreateClient();

        using var plain = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var brotli = await client.SendAsync(request);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task FingerprintedStylesheet_IsCachedForAYear_AndABareAddressIsRevalidated()
    {
        var client = factory.CreateClient();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var href = StylesheetAddress().Match(home).Value;

        using var fingerprinted = await client.GetAsync(new Uri(href, UriKind.Relative));
        using var bare = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Contains("?v=", href, StringComparison.Ordinal);
        Assert.Contains("immutable", fingerprinted.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(bare.Headers.CacheControl!.NoCache);
    }

    [GeneratedRegex("/css/site\\.css\\?v=[^\"]+")]
    private static partial Regex StylesheetAddress();
}
