using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The search index holds, for every published article and nothing else, the text of the view ArticleSearchText:
/// the one definition both the triggers (desk edits) and the importer's backlog indexer read.
/// </summary>
public class SearchIndexTextTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private Task<int> MismatchesAsync() => factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""
        SELECT (SELECT count(*) FROM (
                    SELECT Id, Headline, Kicker, Subheadline, Body, Captions, Bylines FROM ArticleSearchText
                    EXCEPT SELECT rowid, Headline, Kicker, Subheadline, Body, Captions, Bylines FROM ArticleSearch))
             + (SELECT count(*) FROM (
                    SELECT rowid, Headline, Kicker, Subheadline, Body, Captions, Bylines FROM ArticleSearch
                    EXCEPT SELECT Id, Headline, Kicker, Subheadline, Body, Captions, Bylines FROM ArticleSearchText)) AS Value
        """).SingleAsync());

    [Fact]
    public async Task SearchIndex_AfterImportAndDeskEdits_IsExactlyTheViewsText()
    {
        _ = factory.Server;
        var indexed = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearch").SingleAsync());
        Assert.NotEqual(0, indexed);
        Assert.Equal(0, await MismatchesAsync()); // the seeds, indexed from the backlog

        // The triggers: a headline, a photo caption, a byline's person, and an article taken off the site.
        await factory.WithDbAsync(async db =>
        {
            var articles = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Take(2).ToListAsync();
            articles[0].Headline = "索引文字改过的标题";
            articles[1].Status = ArticleStatus.Draft;
            var photo = await db.Photos.OrderBy(p => p.Id).FirstAsync();
            photo.Caption = "索引文字改过的图片说明";
            var person = await db.People.OrderBy(p => p.Id).FirstAsync(p => p.Bylines.Any());
            person.Name = "索引文字改名";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, await MismatchesAsync());
    }
}
