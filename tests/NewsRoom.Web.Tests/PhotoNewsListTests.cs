using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class PhotoNewsListTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task RegionList_ShowsACaptionOnlyPhotoNews_ByTheStartOfItsCaption()
    {
        _ = factory.Server;
        var caption = ReaderTestData.Unique("阿拉善盟额济纳旗胡杨林金黄一片游客络绎不绝");
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsRoomDb>();
            var article = await ReaderTestData.CreateArticleAsync(db, headline: null!, regions: ["alashan"], body: "", photoCaption: caption);
            id = article.Id;
        }
        using var client = factory.CreateClient();

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/regions/alashan", UriKind.Relative)));

        var link = $"href=\"/articles/{id}\">";
        var at = html.IndexOf(link, StringComparison.Ordinal);
        Assert.True(at >= 0, "the photo news is not listed");
        // Printed without a title, it is listed by its display title: 图片新闻 and the start of its caption (issue 24).
        Assert.StartsWith("图片新闻｜" + caption[..10], html[(at + link.Length)..].TrimStart(), StringComparison.Ordinal);
    }
}
