using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// A reader list finds its page one of two ways, chosen by how many members the list has; both must give the same
/// articles, and the counts read from the link tables must agree with counting the published articles themselves.
/// </summary>
public class ArticleSubsetTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const int Walk = 1_000_000; // a member count that makes the subset walk the reader order
    private const int MembersFirst = 1; // one that makes it collect the members first (0 means none at all)

    /// <summary>45 published stories in Wuhai and two of its districts (some naming the city and a district), plus a
    /// draft, a scheduled and an archived one, all credited to one new reporter; some share a publishing time.</summary>
    private async Task<(int Wuhai, int Haibowan, int Reporter)> CreateStoriesAsync(string prefix)
    {
        var reporter = ReaderTestData.Unique("乌海记者");
        return await factory.WithDbAsync(async db =>
        {
            var start = new DateTime(2021, 3, 1, 8, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 45; i++)
            {
                string[] regions = (i % 3) switch { 0 => ["wuhai"], 1 => ["haibowan-district"], _ => ["wuda-district", "wuhai"] };
                await ReaderTestData.CreateArticleAsync(db, $"{prefix}-{i}", regions: regions, bylines: [(reporter, BylineRole.Reporter)],
                    publishedAt: start.AddMinutes(i / 2));
            }
            foreach (var status in new[] { ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Archived })
            {
                await ReaderTestData.CreateArticleAsync(db, $"{prefix}-{status}", status, regions: ["haibowan-district", "wuhai"],
                    bylines: [(reporter, BylineRole.Reporter)], publishedAt: start.AddDays(1));
            }
            var wuhai = await db.Regions.Where(r => r.Slug == "wuhai").Select(r => r.Id).SingleAsync();
            var haibowan = await db.Regions.Where(r => r.Slug == "haibowan-district").Select(r => r.Id).SingleAsync();
            var person = await db.People.Where(p => p.Name == reporter).Select(p => p.Id).SingleAsync();
            return (wuhai, haibowan, person);
        });
    }

    private static async Task<List<int>> PageAsync(ArticleSubset subset, int members, int skip) =>
        await (await subset.PublishedForPageAsync(members, skip + 20, CancellationToken.None)).Latest().Skip(skip).Take(20).Select(a => a.Id).ToListAsync();

    [Fact]
    public async Task WalkingAndMembersFirst_FindTheSamePages_ForARegionItsCountyAndAPerson()
    {
        var prefix = ReaderTestData.Unique("乌海稿");
        var (wuhai, haibowan, reporter) = await CreateStoriesAsync(prefix);

        await factory.WithDbAsync(async db =>
        {
            var subsets = new[]
            {
                ArticleSubset.InRegion(db, wuhai), ArticleSubset.InRegion(db, haibowan), ArticleSubset.CreditedTo(db, reporter, BylineRole.Reporter),
            };
            foreach (var subset in subsets)
            {
                var total = await subset.CountPublishedAsync(CancellationToken.None);
                for (var skip = 0; skip < total + 20; skip += 20)
                {
                    var walked = await PageAsync(subset, Walk, skip);
                    var membersFirst = await PageAsync(subset, MembersFirst, skip);
                    Assert.Equal(walked, membersFirst);
                    Assert.Equal(Math.Clamp(total - skip, 0, 20), walked.Count);
                }
                var newestFew = await subset.PublishedForNewestAsync(4, CancellationToken.None);
                Assert.Equal((await PageAsync(subset, Walk, 0)).Take(4), await newestFew.Latest().Take(4).Select(a => a.Id).ToListAsync());
            }
            // A region nobody has written about answers empty without looking.
            var unwritten = await db.Regions.Where(r => !db.ArticleRegions.Any(x => x.RegionId == r.Id || x.Region.ParentId == r.Id)).Select(r => r.Id).FirstAsync();
            Assert.Empty(await (await ArticleSubset.InRegion(db, unwritten).PublishedForNewestAsync(4, CancellationToken.None)).ToListAsync());
            // The reporter's newest stories come first, the unpublished ones nowhere.
            var newestId = (await PageAsync(subsets[2], Walk, 0))[0];
            Assert.Equal($"{prefix}-44", await db.Articles.Where(a => a.Id == newestId).Select(a => a.Headline).SingleAsync());
            return 0;
        });
    }

    [Fact]
    public async Task CountPublished_CountsAStoryNamingTheCityAndADistrictOnce_AndNoUnpublished()
    {
        var (wuhai, haibowan, reporter) = await CreateStoriesAsync(ReaderTestData.Unique("乌海计数"));

        await factory.WithDbAsync(async db =>
        {
            // The same counts asked the plain way: of the published articles, which belong.
            var cityExpected = await db.PublishedArticles.CountAsync(a => a.Regions.Any(r => r.RegionId == wuhai || r.Region.ParentId == wuhai));
            var countyExpected = await db.PublishedArticles.CountAsync(a => a.Regions.Any(r => r.RegionId == haibowan));
            var reporterExpected = await db.PublishedArticles.CountAsync(a => a.Bylines.Any(b => b.PersonId == reporter));

            Assert.Equal(cityExpected, await ArticleSubset.InRegion(db, wuhai).CountPublishedAsync(CancellationToken.None));
            Assert.Equal(countyExpected, await ArticleSubset.InRegion(db, haibowan).CountPublishedAsync(CancellationToken.None));
            Assert.Equal(45, reporterExpected);
            Assert.Equal(45, await ArticleSubset.CreditedTo(db, reporter, BylineRole.Reporter).CountPublishedAsync(CancellationToken.None));
            Assert.Equal(0, await ArticleSubset.CreditedTo(db, reporter, BylineRole.Photographer).CountPublishedAsync(CancellationToken.None));
            return 0;
        });
    }

    [Fact]
    public async Task PublishedPerRegion_AgreesWithCountingEachRegionsPublishedArticles()
    {
        await CreateStoriesAsync(ReaderTestData.Unique("乌海分区"));

        await factory.WithDbAsync(async db =>
        {
            var perRegion = await db.PublishedPerRegionAsync(CancellationToken.None);
            var expected = await db.Regions
                .Select(r => new { r.Id, Count = db.PublishedArticles.Count(a => a.Regions.Any(x => x.RegionId == r.Id)) })
                .Where(r => r.Count > 0)
                .ToDictionaryAsync(r => r.Id, r => r.Count);

            Assert.Equal(expected.OrderBy(e => e.Key), perRegion.OrderBy(e => e.Key));
            return 0;
        });
    }
}
