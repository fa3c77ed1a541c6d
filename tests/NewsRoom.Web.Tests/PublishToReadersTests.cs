using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>An article published at the desk reaches every place readers look for it, at once.</summary>
public class PublishToReadersTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task PublishedAtTheDesk_AppearsOnItsRegionPage_InTheFeeds_AndInTheSitemap()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, "publisher@test.local");
        using var reader = TestClients.Anonymous(factory);
        var region = await factory.WithDbAsync(db => db.Regions.Where(r => r.Name == "锡林郭勒盟").Select(r => new { r.Id, r.Slug }).SingleAsync());
        var headline = ReaderTestData.Unique("锡林郭勒草原那达慕开幕");
        // Readers have the region page and feeds cached before the article exists.
        await reader.GetStringAsync(new Uri($"/regions/{region.Slug}", UriKind.Relative));
        await reader.GetStringAsync(new Uri("/feed.xml", UriKind.Relative));

        var id = await EditorWorkflowTests.CreateAsync(editor, headline, "那达慕大会在锡林浩特开幕。", new Dictionary<string, string?>
        {
            ["Input.Regions[0].RegionId"] = region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Regions[0].IsPrimary"] = "true",
        });
        var beforePublish = await reader.GetStringAsync(new Uri($"/regions/{region.Slug}", UriKind.Relative));
        await EditorWorkflowTests.PressAsync(editor, id, "Publish");

        var regionPage = await reader.GetStringAsync(new Uri($"/regions/{region.Slug}", UriKind.Relative));
        var feed = XDocument.Parse(await reader.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        var regionFeed = XDocument.Parse(await reader.GetStringAsync(new Uri($"/regions/{region.Slug}/feed.xml", UriKind.Relative)));
        var sitemap = await reader.GetStringAsync(new Uri($"/sitemaps/articles-{((id - 1) / 50_000) + 1}.xml", UriKind.Relative));
        var newsSitemap = await reader.GetStringAsync(new Uri("/sitemaps/news.xml", UriKind.Relative));

        Assert.DoesNotContain(headline, beforePublish, StringComparison.Ordinal);
        Assert.Contains(headline, regionPage, StringComparison.Ordinal);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Descendants(atom + "title"), t => t.Value == headline);
        Assert.Contains(regionFeed.Descendants(atom + "title"), t => t.Value == headline);
        Assert.Contains($"/articles/{id}<", sitemap, StringComparison.Ordinal);
        Assert.Contains($"/articles/{id}<", newsSitemap, StringComparison.Ordinal);
    }
}
