using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Two saves of one article that both pass the desk's stamp check: the database's concurrency token decides,
/// and the one that loses is told so instead of being reported as saved.
/// </summary>
public class SaveRaceTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task Save_ThatLosesTheRaceInTheDatabase_IsAConflict_AndTheWinnersTextStays()
    {
        var id = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("竞争前"), ArticleStatus.Draft)).Id);
        var winner = ReaderTestData.Unique("先到的保存");
        // Between the workflow's stamp check and its write, another save commits: it runs as ours starts writing.
        var race = new SaveFirst(() => factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Headline, winner)
            .SetProperty(a => a.ConcurrencyStamp, Guid.NewGuid()))));
        var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite($"Data Source={factory.DatabasePath}").AddInterceptors(race).Options;
        await using var db = new NewsRoomDb(options);
        var read = await db.Articles.AsNoTracking().Include(a => a.Bylines).ThenInclude(b => b.Person).Include(a => a.Regions).Include(a => a.Photos).SingleAsync(a => a.Id == id);
        var loser = ArticleSnapshot.Of(read) with { Headline = ReaderTestData.Unique("晚到的保存") };

        var outcome = await new ArticleWorkflow(db, TimeProvider.System, new AuditTrail(db, new HttpContextAccessor(), TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new ReviewOptions()))
            .SaveAsync(new SaveRequest(id, read.ConcurrencyStamp, loser, WorkflowAction.Save, null, "racer@test.local"));

        Assert.Equal(1, race.Ran);
        Assert.Equal(SaveOutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(winner, outcome.Current!.Headline);
        var (headline, revisions, auditRows) = await factory.WithDbAsync(async check => (
            await check.Articles.Where(a => a.Id == id).Select(a => a.Headline).SingleAsync(),
            await check.Revisions.CountAsync(r => r.ArticleId == id),
            await check.AuditEntries.CountAsync(e => e.ArticleId == id)));
        Assert.Equal(winner, headline);
        Assert.Equal(0, revisions);
        // The audit row goes with the save it records: the refused save left none.
        Assert.Equal(0, auditRows);
    }

    /// <summary>Runs another save once, just before the first save that writes an article.</summary>
    private sealed class SaveFirst(Func<Task<int>> otherSave) : SaveChangesInterceptor
    {
        public int Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Ran == 0 && eventData.Context!.ChangeTracker.Entries<Article>().Any(e => e.State == EntityState.Modified))
            {
                Ran++;
                await otherSave();
            }
            return result;
        }
    }
}
