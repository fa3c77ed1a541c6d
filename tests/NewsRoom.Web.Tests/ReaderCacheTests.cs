using System.Net;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class ReaderCacheTests(SignedInEditorFactory factory) : IClassFixture<SignedInEditorFactory>
{
    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Task<int> CreateAsync(string headline, ArticleStatus status = ArticleStatus.Published) =>
        factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, headline, status, regions: ["xilinguole"])).Id);

    [Fact]
    public async Task ReaderPages_AreServedFromTheCache_UntilASaveEvictsThem()
    {
        var before = ReaderTestData.Unique("缓存前");
        var behindTheCache = ReaderTestData.Unique("绕过保存");
        var id = await CreateAsync(before);
        using var client = factory.CreateClient();
        await ReadAsync(client, $"/articles/{id}");

        // ExecuteUpdate skips SaveChanges, so nothing evicts: the reader still gets the cached page.
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, behindTheCache)));

        Assert.Contains(before, await ReadAsync(client, $"/articles/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedHeadline_ShowsAtOnce_OnTheArticleFrontPageRegionAndFeed()
    {
        var before = ReaderTestData.Unique("修改前");
        var after = ReaderTestData.Unique("修改后");
        var id = await CreateAsync(before);
        using var client = factory.CreateClient();
        string[] paths = [$"/articles/{id}", "/", "/regions/xilinguole", "/feed.xml", "/regions/xilinguole/feed.xml"];
        foreach (var path in paths)
        {
            Assert.Contains(before, await ReadAsync(client, path), StringComparison.Ordinal);
        }

        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Headline = after;
            return await db.SaveChangesAsync();
        });

        foreach (var path in paths)
        {
            var page = await ReadAsync(client, path);
            Assert.Contains(after, page, StringComparison.Ordinal);
            Assert.DoesNotContain(before, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublishingADraft_ShowsItAtOnce_AndArchivingHidesItAtOnce()
    {
        var headline = ReaderTestData.Unique("待发布");
        var id = await CreateAsync(headline, ArticleStatus.Draft);
        using var client = factory.CreateClient();
        Assert.DoesNotContain(headline, await ReadAsync(client, "/regions/xilinguole"), StringComparison.Ordinal);

        await SetStatusAsync(id, ArticleStatus.Published);
        Assert.Contains(headline, await ReadAsync(client, "/regions/xilinguole"), StringComparison.Ordinal);
        Assert.Contains(headline, await ReadAsync(client, $"/articles/{id}"), StringComparison.Ordinal);

        await SetStatusAsync(id, ArticleStatus.Archived);
        Assert.DoesNotContain(headline, await ReadAsync(client, "/regions/xilinguole"), StringComparison.Ordinal);
        using var gone = await client.GetAsync(new Uri($"/articles/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task ChangeSavedInsideATransaction_IsVisibleAfterTheCommit()
    {
        var before = ReaderTestData.Unique("事务前");
        var after = ReaderTestData.Unique("事务后");
        var id = await CreateAsync(before);
        using var client = factory.CreateClient();
        await ReadAsync(client, $"/articles/{id}");

        await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Articles.SingleAsync(a => a.Id == id)).Headline = after;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return 0;
        });

        Assert.Contains(after, await ReadAsync(client, $"/articles/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderRequest_BetweenSaveAndCommit_LeavesNoStalePageCached()
    {
        var before = ReaderTestData.Unique("提交前");
        var after = ReaderTestData.Unique("提交后");
        var id = await CreateAsync(before);
        using var client = factory.CreateClient();
        await ReadAsync(client, $"/articles/{id}");

        await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Articles.SingleAsync(a => a.Id == id)).Headline = after;
            await db.SaveChangesAsync();
            // Saved, not yet committed: a reader still sees the old headline, and it may be cached again now.
            Assert.Contains(before, await ReadAsync(client, $"/articles/{id}"), StringComparison.Ordinal);
            await transaction.CommitAsync();
            return 0;
        });

        var page = await ReadAsync(client, $"/articles/{id}");
        Assert.Contains(after, page, StringComparison.Ordinal);
        Assert.DoesNotContain(before, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInEditor_IsNeverServedTheReadersCachedPage()
    {
        var before = ReaderTestData.Unique("读者所见");
        var after = ReaderTestData.Unique("编辑所见");
        var id = await CreateAsync(before);
        using var reader = factory.CreateClient();
        using var editor = factory.CreateClientAs(Roles.Editor);
        await ReadAsync(reader, $"/articles/{id}");

        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, after)));

        Assert.Contains(after, await ReadAsync(editor, $"/articles/{id}"), StringComparison.Ordinal);
        Assert.Contains(before, await ReadAsync(reader, $"/articles/{id}"), StringComparison.Ordinal);
    }

    private Task<int> SetStatusAsync(int id, ArticleStatus status) => factory.WithDbAsync(async db =>
    {
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        article.Status = status;
        article.PublishedAt ??= DateTime.UtcNow;
        return await db.SaveChangesAsync();
    });
}
