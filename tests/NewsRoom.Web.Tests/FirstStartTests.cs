using System.Net;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class FirstStartTests(FreshStartFactory factory) : IClassFixture<FreshStartFactory>
{
    [Fact]
    public async Task FirstStart_ImportsEverySeedThroughTheImporter()
    {
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));

        var (issues, articles, regions) = await factory.WithDbAsync(async db => (
            await db.Issues.CountAsync(),
            await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published),
            await db.Regions.CountAsync()));

        Assert.Equal(5, issues);
        Assert.True(articles >= 50, $"only {articles} articles imported from the seeds");
        Assert.Equal(121, regions);
    }

    [Fact]
    public async Task HomePage_ListsImportedArticles_InChinese()
    {
        using var client = factory.CreateClient();
        var published = await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Published));
        var headlines = await factory.WithDbAsync(db => db.Articles.Where(a => a.Headline != null).Select(a => a.Headline!).ToListAsync());

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.True(published >= 50, $"only {published} published items");
        Assert.All(headlines, h => Assert.Contains(h, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticlePage_ShowsTheArticle_AndUnknownIdsAre404()
    {
        var article = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Headline != null && a.Bylines.Any())
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Headline, Reporter = a.Bylines.OrderBy(b => b.Order).Select(b => b.Person.Name).First() })
            .FirstAsync());
        using var client = factory.CreateClient();

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/articles/{article.Id}", UriKind.Relative)));
        var missing = await client.GetAsync(new Uri("/articles/999999", UriKind.Relative));

        Assert.Contains($"{article.Headline}</h1>", page, StringComparison.Ordinal);
        Assert.Contains(article.Reporter, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_CreatesTheConfiguredAdmin()
    {
        var isAdmin = await factory.WithDbAsync(db =>
            (from u in db.Users
             join ur in db.UserRoles on u.Id equals ur.UserId
             join r in db.Roles on ur.RoleId equals r.Id
             where u.Email == NewsRoomFactory.AdminEmail && r.Name == Roles.Admin
             select u).AnyAsync());

        Assert.True(isAdmin);
    }
}
