using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The article page's reader keeps its statement prepared on open connections between requests; it must still read the
/// store as it is now.
/// </summary>
public class ArticlePageReaderTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private Task<ArticlePage?> ReadAsync(int id) => factory.Services.GetRequiredService<ArticlePageReader>().ReadAsync(id);

    [Fact]
    public async Task Read_SeesEditsAndUnpublishing_MadeAfterItsQueriesWereCompiled()
    {
        var headline = ReaderTestData.Unique("预备语句");
        var article = await factory.WithDbAsync(db => ReaderTestData.CreateArticleAsync(db, headline, regions: ["baotou"],
            bylines: [("预备记者", BylineRole.Reporter)], photoCaption: "预备图片说明"));

        var first = await ReadAsync(article.Id);
        Assert.NotNull(first);
        Assert.Equal(headline, first.Article.Headline);
        Assert.Equal("预备记者", Assert.Single(first.Bylines).Name);
        Assert.Equal("预备图片说明", Assert.Single(first.Photos).Caption);
        Assert.Equal("baotou", first.Regions[0].Slug);
        Assert.True(first.Regions[0].IsPrimary);

        var edited = ReaderTestData.Unique("改后标题");
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, edited)));
        Assert.Equal(edited, (await ReadAsync(article.Id))?.Article.Headline);

        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Draft)));
        Assert.Null(await ReadAsync(article.Id));
    }

    [Fact]
    public async Task Read_OnePageFromManyRequestsAtOnce_GivesTheSamePageToEach()
    {
        var headline = ReaderTestData.Unique("并发读取");
        var article = await factory.WithDbAsync(db => ReaderTestData.CreateArticleAsync(db, headline, regions: ["chifeng"]));

        var pages = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => ReadAsync(article.Id)));

        Assert.All(pages, page => Assert.Equal(headline, page?.Article.Headline));
    }

    [Fact]
    public async Task Read_NeighboursAndRelated_FollowThePrintedPageAndThePrimaryRegion()
    {
        var (first, second, third, elsewhere) = await factory.WithDbAsync(async db =>
        {
            var issue = await ReaderTestData.CreateIssueAsync(db, "读取测试报");
            var a = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("版上一"), regions: ["wuhai"], issueId: issue, pagePosition: 1);
            var b = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("版上二"), regions: ["wuhai"], issueId: issue, pagePosition: 2);
            var c = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("版上三"), regions: ["wuhai"], issueId: issue, pagePosition: 3);
            var d = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("别处"), regions: ["alashan"]);
            return (a.Id, b.Id, c.Id, d.Id);
        });

        var page = await ReadAsync(second);

        Assert.NotNull(page);
        Assert.Equal(first, page.Previous?.Id);
        Assert.Equal(third, page.Next?.Id);
        Assert.Equal("读取测试报", page.Article.Paper);
        Assert.Contains(page.Related, card => card.Id == first || card.Id == third);
        Assert.DoesNotContain(page.Related, card => card.Id == second || card.Id == elsewhere);
        Assert.InRange(page.Related.Count, 1, ArticlePageReader.RelatedCount);
    }
    [Fact]
    public async Task PrimaryRegion_FollowsEveryChangeToAnArticlesRegions_AndRelatedFollowsIt()
    {
        var (article, neighbour) = await factory.WithDbAsync(async db =>
        {
            var a = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("主地区"), regions: ["alashan", "wuhai"]);
            var b = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("同地区"), regions: ["wuhai"]);
            return (a.Id, b.Id);
        });
        var (alashan, wuhai) = await factory.WithDbAsync(async db =>
            (await db.Regions.SingleAsync(r => r.Slug == "alashan"), await db.Regions.SingleAsync(r => r.Slug == "wuhai")));
        Task<int?> PrimaryOf(int id) => factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PrimaryRegionId).SingleAsync());

        Assert.Equal(alashan.Id, await PrimaryOf(article));
        Assert.DoesNotContain((await ReadAsync(article))!.Related, card => card.Id == neighbour);

        // The editor moves the primary mark: one row loses it, another gains it.
        await factory.WithDbAsync(async db =>
        {
            var regions = await db.Set<ArticleRegion>().Where(r => r.ArticleId == article).ToListAsync();
            foreach (var region in regions)
            {
                region.IsPrimary = region.RegionId == wuhai.Id;
            }
            return await db.SaveChangesAsync();
        });

        Assert.Equal(wuhai.Id, await PrimaryOf(article));
        var related = Assert.Single((await ReadAsync(neighbour))!.Related, card => card.Id == article);
        Assert.Equal("乌海市", related.Region);

        // The primary region removed: the article has none, and no region's list shows it.
        await factory.WithDbAsync(db => db.Set<ArticleRegion>().Where(r => r.ArticleId == article && r.IsPrimary).ExecuteDeleteAsync());

        Assert.Null(await PrimaryOf(article));
        Assert.DoesNotContain((await ReadAsync(neighbour))!.Related, card => card.Id == article);
    }

    [Fact]
    public async Task Read_GivesBylinesPhotosAndRegionsInTheirOrder_AndNothingForAMissingArticle()
    {
        var article = await factory.WithDbAsync(async db =>
        {
            var created = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("顺序"), regions: ["tongliao", "chifeng", "baotou"],
                bylines: [("顺序记者甲", BylineRole.Reporter), ("顺序记者乙", BylineRole.Photographer)], photoCaption: "第一张");
            db.Photos.Add(new Photo { ArticleId = created.Id, Caption = "第二张", Title = "第二张标题", Order = 1 });
            await db.SaveChangesAsync();
            return created;
        });

        var page = await ReadAsync(article.Id);

        Assert.NotNull(page);
        Assert.Equal(["顺序记者甲", "顺序记者乙"], page.Bylines.Select(b => b.Name));
        Assert.Equal([BylineRole.Reporter, BylineRole.Photographer], page.Bylines.Select(b => b.Role));
        Assert.Equal(["第一张", "第二张"], page.Photos.Select(p => p.Caption));
        Assert.Equal([null, "第二张标题"], page.Photos.Select(p => p.Title));
        Assert.Equal(["tongliao", "chifeng", "baotou"], page.Regions.Select(r => r.Slug));
        Assert.Equal([true, false, false], page.Regions.Select(r => r.IsPrimary));
        Assert.Null(await ReadAsync(int.MaxValue));
    }

    [Fact]
    public async Task ArticlePageStatement_SearchesIndexes_AndScansNoTable()
    {
        var id = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.IssueId != null)
            .Select(a => a.Id).FirstAsync());
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ArticlePageStatement.Sql;
        command.Parameters.AddWithValue("$id", id);
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        // The related articles are one range of the primary-region index, the neighbours one step of the issue's page index.
        Assert.Contains(steps, s => s.Contains("IX_Articles_PrimaryRegionId_Status_PublishedAt", StringComparison.Ordinal));
        Assert.Equal(2, steps.Count(s => s.Contains("IX_Articles_IssueId_Status_PagePosition", StringComparison.Ordinal)));
        // Tables are searched by key or index; the only scans are of the statement's own one-row and few-row results.
        string[] tables = ["Articles", "ArticleBylines", "Photos", "ArticleRegions", "Regions", "People", "Issues"];
        var aliases = new[] { "a", "b", "p", "r", "g", "i" };
        Assert.DoesNotContain(steps, s => tables.Concat(aliases).Any(t => s == $"SCAN {t}" || s.StartsWith($"SCAN {t} ", StringComparison.Ordinal)));
    }
}
