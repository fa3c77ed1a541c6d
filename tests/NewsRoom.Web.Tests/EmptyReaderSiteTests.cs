using System.Net;

namespace NewsRoom.Web.Tests;

public class EmptyReaderSiteTests(EmptyStoreFactory factory) : IClassFixture<EmptyStoreFactory>
{
    [Theory]
    [InlineData("/", "还没有已发布的文章")]
    [InlineData("/issues", "还没有已发布的版面")]
    [InlineData("/photos", "还没有已发布的图片说明")]
    [InlineData("/regions/hulunbeier", "这里还没有已发布的报道")]
    public async Task EmptyLists_SayWhatToDo(string path, string emptyState)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(emptyState, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFeedAndSitemap_AreStillValidXml()
    {
        using var client = factory.CreateClient();

        var feed = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        var sitemap = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var news = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/news.xml", UriKind.Relative)));

        Assert.Equal("feed", feed.Root!.Name.LocalName);
        Assert.Equal("sitemapindex", sitemap.Root!.Name.LocalName);
        Assert.Equal("urlset", news.Root!.Name.LocalName);
    }
}
