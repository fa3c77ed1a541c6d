using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>What the import and the delivery promise, however fast they are made: search triggers paused and on again, primary regions, run results, query plans that read indexes, compression and static caching.</summary>
public partial class ImportAndDeliveryTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
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
    public async Task Import_GivesEveryArticleThePrimaryRegionOfItsRegionRows()
    {
        var result = await InScopeAsync(sp => sp.GetRequiredService<IssueImporter>()
            .ImportAsync(Dump("perf-region.txt", "阿拉善盟的春天", "巴特尔", "阿拉善盟额济纳旗的胡杨林迎来了今年第一批客人。"), "test"));
        var id = await factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == "perf-region.txt").Select(a => a.Id).SingleAsync());
        var alashan = await factory.WithDbAsync(db => db.Regions.Where(r => r.Slug == "alashan").Select(r => r.Id).SingleAsync());
        var disagreeing = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""
            SELECT count(*) AS Value FROM Articles a
            WHERE a.PrimaryRegionId IS NOT (SELECT r.RegionId FROM ArticleRegions r WHERE r.ArticleId = a.Id AND r.IsPrimary ORDER BY r."Order" LIMIT 1)
            """).SingleAsync());

        Assert.True(result.Succeeded);
        Assert.Equal(alashan, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PrimaryRegionId).SingleAsync()));
        Assert.Equal(0, disagreeing);
    }

    [Fact]
    public async Task RegionCount_ReadsTheRegionIndexAndTheUnpublishedFew_NotEveryArticlesRow()
    {
        // Asking each member article whether it is published took 75-90 ms per league at 110,000 articles.
        var plan = await factory.WithDbAsync(async db =>
        {
            var hohhot = await db.Regions.Where(r => r.Slug == "huhehaote").Select(r => r.Id).SingleAsync();
            return await QueryPlans.ExplainAsync(db, ArticleSubset.InRegion(db, hohhot).PublishedIds);
        });

        Assert.Contains(plan, step => step.Contains("IX_ArticleRegions_RegionId_ArticleId (RegionId=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_Articles_Status_PublishedAt_IssueId_PagePosition_Id (Status=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || Regex.IsMatch(step, @"^SEARCH a\d* USING INTEGER PRIMARY KEY"));
    }

    [Fact]
    public async Task IssueList_FindsEachIssuesPublishedArticlesThroughTheIssueIndex_NotByScanningEveryArticle()
    {
        // The issue list's filter as EF writes it: it once read the reader-order index whole for every issue.
        var plan = await factory.WithDbAsync(db =>
            QueryPlans.ExplainAsync(db, db.Issues.Where(i => i.Articles.Any(a => a.Status == ArticleStatus.Published)).Select(i => i.Id)));

        Assert.Contains(plan, step => step.Contains("IX_Articles_IssueId_Status_PagePosition (IssueId=? AND Status=?)", StringComparison.Ordinal));
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
            return (run, await ImportRunOutcomes.ReadAsync(db, run), stored.FilesDone);
        });

        Assert.True(runId > 0);
        Assert.Equal(3, filesDone);
        Assert.Equal(["perf-run-0.txt", "perf-run-1.txt", "perf-run-2.txt"], results.Select(r => r.FileName));
    }

    [Fact]
    public async Task ImportedArticles_ReadBackThroughEfExactlyAsTheirFirstRevisionRecordedThem()
    {
        // The seeds were imported at first start through NewArticleWriter's own SQL: every field it wrote must read back
        // through EF's mapping as the article the importer held (enums, dates, bylines, regions, photo captions).
        var articles = await InScopeAsync(sp => sp.GetRequiredService<NewsRoomDb>().Articles.AsNoTracking()
            .Where(a => a.Issue!.Origin == IssueOrigin.Seed)
            .Include(a => a.Bylines).ThenInclude(b => b.Person)
            .Include(a => a.Regions)
            .Include(a => a.Photos)
            .Include(a => a.Revisions)
            .AsSplitQuery()
            .ToListAsync());

        Assert.True(articles.Count >= 50);
        Assert.Contains(articles, a => a.Photos.Count > 0);
        Assert.Contains(articles, a => a.Bylines.Any(b => b.Role == NewsRoom.Ingest.BylineRole.Photographer));
        Assert.Contains(articles, a => a.Regions.Count > 1);
        foreach (var article in articles)
        {
            var first = article.Revisions.OrderBy(r => r.Id).First();
            // SQLite keeps no DateTimeKind: EF reads every stored time back as unspecified, whoever wrote it.
            article.PublishedAt = article.PublishedAt is { } published ? DateTime.SpecifyKind(published, DateTimeKind.Utc) : null;
            Assert.Equal(first.Snapshot, NewsRoom.Web.Desk.ArticleSnapshot.Of(article).ToJson());
        }
    }

    [Fact]
    public async Task ImportedArticle_SavesThroughEf_ItsConcurrencyStampMatchesAsStored()
    {
        var (id, stamp) = await InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<IssueImporter>().ImportAsync(Dump("perf-stamp.txt", "边境口岸夜色新", "乌日娜", "二连浩特口岸的夜市开张了。"), "test");
            Assert.True(result.Succeeded, result.Error);
            var db = sp.GetRequiredService<NewsRoomDb>();
            var article = await db.Articles.SingleAsync(a => a.Issue!.SourceFileName == "perf-stamp.txt");
            article.Headline = "边境口岸夜色更新";
            article.ConcurrencyStamp = Guid.NewGuid();
            // EF's UPDATE matches the stamp it read: written in another format by the import, this would be a conflict.
            await db.SaveChangesAsync();
            return (article.Id, article.ConcurrencyStamp);
        });

        var stored = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => new { a.Headline, a.ConcurrencyStamp }).SingleAsync());
        Assert.Equal("边境口岸夜色更新", stored.Headline);
        Assert.Equal(stamp, stored.ConcurrencyStamp);
    }

    [Fact]
    public async Task Import_FailingWhileWritingNewArticles_LeavesNoTraceOfTheFile()
    {
        var result = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsRoomDb>();
            // A trigger on this context's own connection only, failing the first revision the writer inserts.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TRIGGER perf_fail BEFORE INSERT ON main.Revisions BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END;");
            try
            {
                return await sp.GetRequiredService<IssueImporter>().ImportAsync(Dump("perf-fail.txt", "写到一半失败的稿件", "张三", "这篇稿件写入修订时失败。"), "test");
            }
            finally
            {
                // The connection goes back to the pool with its temporary objects: the next test must not inherit the trigger.
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER temp.perf_fail;");
            }
        });

        Assert.False(result.Succeeded);
        Assert.Contains("disk full (test)", result.Error, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Issues.AnyAsync(i => i.SourceFileName == "perf-fail.txt")));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "写到一半失败的稿件")));
        Assert.Equal(0, await BacklogCountAsync());
    }

    [Fact]
    public async Task ImportRun_IndexesItsArticlesForSearchInOneBatch_AtTheLatestWhenItFinishes()
    {
        var (duringRun, waiting, afterRun) = await InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<ImportRunner>();
            var run = await runner.CreateAsync("test", 2);
            for (var i = 0; i < 2; i++)
            {
                await runner.ImportFileAsync(run, Dump($"perf-batch-{i}.txt", $"驼峰书屋第{i + 1}站", "张三", $"驼峰书屋第{i + 1}站在苏尼特右旗开门。"), null, CancellationToken.None);
            }
            var during = await SearchTotalAsync("驼峰书屋");
            var backlog = await BacklogCountAsync();
            await runner.FinishAsync(run, CancellationToken.None);
            return (during, backlog, await SearchTotalAsync("驼峰书屋"));
        });

        // Published at once, findable once the batch is indexed: here the run is far below a batch, so at its end.
        Assert.Equal(0, duringRun);
        Assert.Equal(2, waiting);
        Assert.Equal(2, afterRun);
        Assert.Equal(0, await BacklogCountAsync());
    }

    [Fact]
    public async Task Start_IndexesWhatAStoppedImportRunLeftWaiting()
    {
        var id = await InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<IssueImporter>().ImportAsync(Dump("perf-stopped.txt", "敖包相会的新传说", "李四", "锡林浩特的敖包山上游人如织。"), "test");
            Assert.True(result.Succeeded, result.Error);
            var db = sp.GetRequiredService<NewsRoomDb>();
            var articleId = await db.Articles.Where(a => a.Issue!.SourceFileName == "perf-stopped.txt").Select(a => a.Id).SingleAsync();
            // As a run stopped before its batch was indexed leaves it: stored and published, in the backlog, not in the index.
            await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}; INSERT INTO ArticleSearchBacklog (ArticleId) VALUES ({articleId});");
            return articleId;
        });
        Assert.Equal(0, await SearchTotalAsync("敖包相会"));

        await InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(importSeeds: false);
            return 0;
        });

        Assert.Equal(1, await SearchTotalAsync("敖包相会"));
        Assert.True(id > 0);
        Assert.Equal(0, await BacklogCountAsync());
    }

    private Task<int> BacklogCountAsync() => factory.WithDbAsync(db =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearchBacklog").SingleAsync());

    private Task<int> SearchTotalAsync(string text) => InScopeAsync(async sp =>
        (await new NewsRoom.Web.Search.SearchService(sp.GetRequiredService<NewsRoomDb>()).SearchAsync(new NewsRoom.Web.Search.SearchQuery(text))).Total);

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
    public async Task CachedPage_KeepsOneCopyPerEncoding_SoAPlainClientAfterABrotliOneGetsPlainHtml()
    {
        var id = await factory.WithDbAsync(db => db.PublishedArticles.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var client = factory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var brotli = await client.SendAsync(request);
        using var brotliAgain = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}") { Headers = { AcceptEncoding = { new StringWithQualityHeaderValue("br") } } });
        using var plain = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotliAgain.Content.Headers.ContentEncoding);
        Assert.Equal(await brotli.Content.ReadAsByteArrayAsync(), await brotliAgain.Content.ReadAsByteArrayAsync());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
