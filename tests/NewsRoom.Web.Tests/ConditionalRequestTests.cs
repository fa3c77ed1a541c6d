using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>What a proxy or CDN in front of the site sees: cache headers, validators and 304s from the output cache.</summary>
public class ConditionalRequestTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private Task<int> CreateAsync(string headline) =>
        factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, headline, regions: ["chifeng"])).Id);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/regions/chifeng")]
    [InlineData("/photos")]
    public async Task ReaderPage_CarriesPublicCacheControlAndValidators_AndAnswersIfNoneMatchWith304(string path)
    {
        using var client = TestClients.Anonymous(factory);
        using var first = await GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, $"{path}: {first.Headers.CacheControl}");
        Assert.Contains("Accept-Encoding", first.Headers.Vary);

        using var again = await GetAsync(client, path, h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        using var sinceThen = await GetAsync(client, path, h => h.IfModifiedSince = first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, sinceThen.StatusCode);
    }

    [Fact]
    public async Task EditedArticle_GetsANewETag_AndTheOldOneGetsTheNewPage()
    {
        var before = ReaderTestData.Unique("条件请求前");
        var after = ReaderTestData.Unique("条件请求后");
        var id = await CreateAsync(before);
        using var client = TestClients.Anonymous(factory);
        using var first = await GetAsync(client, $"/articles/{id}");
        var etag = first.Headers.ETag!;

        await factory.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == id)).Headline = after;
            return await db.SaveChangesAsync();
        });

        using var revalidated = await GetAsync(client, $"/articles/{id}", h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.NotEqual(etag, revalidated.Headers.ETag);
        Assert.Contains(after, WebUtility.HtmlDecode(await revalidated.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompressedVariant_HasItsOwnETag_SoItsValidatorNeverGetsA304ForPlainBytes()
    {
        var id = await CreateAsync(ReaderTestData.Unique("编码变体"));
        using var client = TestClients.Anonymous(factory);
        using var gzip = await GetAsync(client, $"/articles/{id}", h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")));
        Assert.Contains("gzip", gzip.Content.Headers.ContentEncoding);
        using var plain = await GetAsync(client, $"/articles/{id}");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.NotEqual(gzip.Headers.ETag, plain.Headers.ETag);

        using var plainWithGzipTag = await GetAsync(client, $"/articles/{id}", h => h.IfNoneMatch.Add(gzip.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, plainWithGzipTag.StatusCode);
        Assert.Contains("<html", await plainWithGzipTag.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var gzipAgain = await GetAsync(client, $"/articles/{id}", h =>
        {
            h.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            h.IfNoneMatch.Add(gzip.Headers.ETag!);
        });
        Assert.Equal(HttpStatusCode.NotModified, gzipAgain.StatusCode);
    }

    [Fact]
    public async Task MissingArticle_HasNoValidators_AndPagesOutsideTheCacheArePrivate()
    {
        using var client = TestClients.Anonymous(factory);
        using var missing = await GetAsync(client, "/articles/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(missing.Headers.ETag);
        Assert.Null(missing.Content.Headers.LastModified);
        Assert.False(missing.Headers.CacheControl?.Public ?? false);

        using var search = await GetAsync(client, "/search?q=%E5%8C%85%E5%A4%B4");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.True(search.Headers.CacheControl is { Private: true, NoCache: true }, search.Headers.CacheControl?.ToString());
        Assert.Null(search.Headers.ETag);
    }

    [Fact]
    public async Task SignedInReader_GetsAPrivatePage_WithoutTheSharedValidators()
    {
        using var editor = await TestClients.EditorAsync(factory);
        using var front = await GetAsync(editor, "/");
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.False(front.Headers.CacheControl?.Public ?? false, front.Headers.CacheControl?.ToString());
        Assert.Null(front.Headers.ETag);
    }
}
