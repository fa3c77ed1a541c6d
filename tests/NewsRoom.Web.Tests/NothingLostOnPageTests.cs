using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>What the parser could not put in an article is still shown to readers, on its issue's page.</summary>
public class NothingLostOnPageTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task IssuePage_ShowsItsFurnitureAndUnplacedText()
    {
        _ = factory.Server;
        var issues = await factory.WithDbAsync(db => db.Issues
            .Select(i => new { i.Id, i.Furniture, i.Unplaced })
            .ToListAsync());
        using var client = factory.CreateClient();

        var withLeftovers = issues.Where(i => i.Furniture.Count + i.Unplaced.Count > 0).ToList();
        Assert.NotEmpty(withLeftovers);
        foreach (var issue in withLeftovers)
        {
            var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/issues/{issue.Id}", UriKind.Relative)));
            Assert.All(issue.Furniture.Concat(issue.Unplaced), line => Assert.Contains(line, html, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task JumpLine_StaysAtTheEndOfItsStory()
    {
        _ = factory.Server;
        var bodies = await factory.WithDbAsync(db => db.Articles.Where(a => a.Body.Contains("下转第")).Select(a => a.Body).ToListAsync());

        var body = Assert.Single(bodies);
        Assert.EndsWith("下转第5版", body, StringComparison.Ordinal);
    }
}
