using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The order, total and pages of a word with many matches, checked against the index queried directly: title matches
/// first (ranked by bm25 with the headline weighted highest, then newest stored; or newest stored alone when too many
/// to rank), then every other match newest stored first. The search reads these in fewer statements than the
/// definition below, and must give the same pages. For one word of ideographs the title tier's bm25 is even
/// computed outside SQLite (<see cref="TitleRank"/>), which must give SQLite's values to the last bit, ties included.
/// </summary>
public class SearchRankingTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    // Occurs nowhere in the seeds; the articles below put it in 8 headlines, 2 kickers and 35 bodies only.
    private const string Word = "驼铃悠扬远方";
    private const int Articles = 45;
    private const int TitleMatches = 10;

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly DateTime FirstDay = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // A date filter that every article passes: it sends the title tier down the filtered path, ranked by SQLite.
    private static readonly DateOnly EveryArticle = new(2019, 12, 1);

    private async Task EnsureArticlesAsync()
    {
        _ = factory.Server;
        await Once.WaitAsync();
        try
        {
            if (await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Body.Contains(Word))))
            {
                return;
            }
            await factory.WithDbAsync(async db =>
            {
                for (var i = 0; i < Articles; i++)
                {
                    // Headlines of different lengths and counts of the word give different ranks; pairs share a day, and
                    // articles 1 and 5 (headlines) and 8 and 9 (kickers) tie in rank, so the tie-breaks are tested too.
                    db.Articles.Add(new Article
                    {
                        Headline = i < 8 ? (i % 3 == 0 ? $"{Word}又见{Word}" : Word + new string('长', i % 4)) : $"草原新闻第{i}号",
                        Kicker = i is 8 or 9 ? Word : null,
                        Body = $"第{i}篇。牧区的夜晚，{Word}，星空低垂。" + new string('草', i is 8 or 9 ? 0 : (i % 4) * 7),
                        Status = ArticleStatus.Published,
                        PublishedAt = FirstDay.AddDays(i / 2),
                        CreatedAt = DateTime.UtcNow,
                        UpdatedAt = DateTime.UtcNow,
                    });
                }
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<(int Total, List<int> Ids)> AllPagesAsync(string word, int rankLimit, DateOnly? from = null)
    {
        using var scope = factory.Services.CreateScope();
        var service = new SearchService(scope.ServiceProvider.GetRequiredService<NewsRoomDb>()) { RankLimit = rankLimit };
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var results = await service.SearchAsync(new SearchQuery(word, From: from, Page: page));
            ids.AddRange(results.Hits.Select(h => h.Id));
            if (page >= results.Pages)
            {
                return (results.Total, ids);
            }
        }
    }

    // The definition, one plain statement per tier. "from" is the stored UTC form of a Beijing day's start.
    private Task<List<int>> IndexAsync(string match, string order, string? from = null) => factory.WithDbAsync(db =>
    {
        var sql = from is null
            ? $"SELECT s.rowid AS Value FROM ArticleSearch s WHERE ArticleSearch MATCH $match ORDER BY {order}"
            : $"SELECT s.rowid AS Value FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid WHERE ArticleSearch MATCH $match AND a.PublishedAt >= $from ORDER BY {order}";
        var parameters = from is null ? new object[] { new SqliteParameter("$match", match) } : [new SqliteParameter("$match", match), new SqliteParameter("$from", from)];
        return db.Database.SqlQueryRaw<int>(sql, parameters).ToListAsync();
    });

    private static string Titles(string word) => $"{{Headline Kicker Subheadline}} : ({SearchText.Phrase(word)})";

    private static string Rest(string word) => $"({SearchText.Phrase(word)}) NOT {Titles(word)}";

    [Theory]
    [InlineData(Word, false)] // a phrase of several trigrams: its titles are read once and bm25 computed by TitleRank
    [InlineData(Word, true)] // the same under a filter that keeps every article: ranked and counted by SQLite in one statement
    [InlineData("铃悠扬", false)] // one trigram: its titles are counted first, then ranked by SQLite
    public async Task Search_ManyMatches_TitlesRankedThenTheRestNewestFirst_AsTheIndexOrdersThem(string word, bool filtered)
    {
        await EnsureArticlesAsync();
        var titles = await IndexAsync(Titles(word), "s.rank, s.rowid DESC");
        var rest = await IndexAsync(Rest(word), "s.rowid DESC");

        var (total, ids) = await AllPagesAsync(word, rankLimit: 12, from: filtered ? EveryArticle : null);

        Assert.Equal(TitleMatches, titles.Count);
        Assert.Equal(Articles - TitleMatches, rest.Count);
        Assert.NotEqual(titles.OrderByDescending(id => id), titles); // ranking really reorders them
        Assert.Equal(Articles, total);
        Assert.Equal([.. titles, .. rest], ids);
    }

    [Theory]
    [InlineData(Word, false)]
    [InlineData(Word, true)]
    [InlineData("铃悠扬", false)]
    public async Task Search_TooManyTitleMatchesToRank_ListsThemNewestFirst_ThenTheRest(string word, bool filtered)
    {
        await EnsureArticlesAsync();
        var titles = await IndexAsync(Titles(word), "s.rowid DESC");
        var rest = await IndexAsync(Rest(word), "s.rowid DESC");

        var (total, ids) = await AllPagesAsync(word, rankLimit: 5, from: filtered ? EveryArticle : null);

        Assert.Equal(Articles, total);
        Assert.Equal([.. titles, .. rest], ids);
    }

    [Fact]
    public async Task Search_FewMatches_AreAllRanked()
    {
        await EnsureArticlesAsync();
        var ranked = await IndexAsync(SearchText.Phrase(Word), "s.rank, s.rowid DESC");

        var (total, ids) = await AllPagesAsync(Word, rankLimit: 1000);

        Assert.Equal(Articles, total);
        Assert.Equal(ranked, ids);
    }

    [Fact]
    public async Task Search_ManyMatchesWithAFilter_RanksTitlesThenDayThenId_AndCountsOnlyTheFiltered()
    {
        await EnsureArticlesAsync();
        // From 2020-01-05 in Beijing: stored UTC from 2020-01-04 16:00, so articles of 2020-01-05 on (ids 8 and up).
        const string from = "2020-01-04 16:00:00";
        var titles = await IndexAsync(Titles(Word), "s.rank, a.PublishedAt DESC, s.rowid DESC", from);
        var rest = await IndexAsync(Rest(Word), "s.rowid DESC", from);

        var (total, ids) = await AllPagesAsync(Word, rankLimit: 12, from: new DateOnly(2020, 1, 5));

        Assert.Equal(2, titles.Count); // the two kickers
        Assert.Equal(Articles - 8 - 2, rest.Count);
        Assert.Equal(titles.Count + rest.Count, total);
        Assert.Equal([.. titles, .. rest], ids);
    }

    [Fact]
    public async Task Search_Hits_CarryThePrimaryRegionTheBylinesInOrderAndTheDate()
    {
        _ = factory.Server;
        var results = await factory.WithDbAsync(db => new SearchService(db).SearchAsync(new SearchQuery("发展")));
        var ids = results.Hits.Select(h => h.Id).ToList();
        var expected = await factory.WithDbAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).Select(a => new
        {
            a.Id,
            a.PublishedAt,
            Region = a.Regions.Where(r => r.IsPrimary).Select(r => r.Region.Name).FirstOrDefault(),
            Bylines = a.Bylines.OrderBy(b => b.Order).Select(b => new SearchByline(b.PersonId, b.Person.Name)).ToList(),
        }).ToDictionaryAsync(a => a.Id));

        Assert.Equal(SearchService.PageSize, results.Hits.Count);
        Assert.Contains(results.Hits, h => h.Region is not null);
        Assert.Contains(results.Hits, h => h.Bylines.Count > 0);
        Assert.All(results.Hits, h =>
        {
            var article = expected[h.Id];
            Assert.Equal(article.PublishedAt, h.PublishedAt);
            Assert.Equal(article.Region, h.Region);
            Assert.Equal(article.Bylines.DistinctBy(b => b.PersonId), h.Bylines);
        });
    }
}
