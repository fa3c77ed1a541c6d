using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class SchedulingTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Schedule_Article_IsHiddenUntilItsTime_ThenPublishedByTheScheduler()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, "scheduler@test.local");
        using var reader = TestClients.Anonymous(factory);
        var id = await EditorWorkflowTests.CreateAsync(editor, "定时发布的稿件", "明早见报。");
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);

        var response = await EditorWorkflowTests.SubmitAsync(editor, await EditorWorkflowTests.FormAsync(editor, id),
            new Dictionary<string, string?> { ["Input.ScheduleAt"] = (at + China).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) }, "Schedule");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Scheduled, stored.Status);
        Assert.Equal(at, stored.PublishedAt!.Value, TimeSpan.FromMinutes(1));

        // An hour on, a round of the scheduler leaves it alone.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await PublishDueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        // Past its time, the hosted scheduler publishes it on its own.
        factory.Clock.Advance(TimeSpan.FromHours(1.5));
        var status = ArticleStatus.Scheduled;
        for (var i = 0; i < 100 && status != ArticleStatus.Published; i++)
        {
            await Task.Delay(100);
            factory.Clock.Advance(ScheduledPublisher.Interval);
            status = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
        }
        Assert.Equal(ArticleStatus.Published, status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);
        var last = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal(("定时发布", ArticleWorkflow.SchedulerUser), (last.Action, last.CreatedBy));
    }

    [Fact]
    public async Task Schedule_PublishesAtTheMinuteTyped_NotASecondBefore()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, "scheduler@test.local");
        using var reader = TestClients.Anonymous(factory);
        var id = await EditorWorkflowTests.CreateAsync(editor, "准点发布的稿件", "到点见报。");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddHours(3);

        await EditorWorkflowTests.SubmitAsync(editor, await EditorWorkflowTests.FormAsync(editor, id),
            new Dictionary<string, string?> { ["Input.ScheduleAt"] = (at + China).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) }, "Schedule");
        Assert.Equal(at, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt!.Value).SingleAsync()));

        factory.Clock.SetUtcNow(new DateTimeOffset(at.AddSeconds(-1)));
        await PublishDueAsync();
        Assert.Equal(ArticleStatus.Scheduled, await StatusAsync(factory, id));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);

        factory.Clock.SetUtcNow(new DateTimeOffset(at));
        await PublishDueAsync();
        Assert.Equal(ArticleStatus.Published, await StatusAsync(factory, id));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefusedBesideTheTime()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, "scheduler@test.local");
        var id = await EditorWorkflowTests.CreateAsync(editor, "时间已过", "正文。");
        var past = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1) + China;

        var response = await EditorWorkflowTests.SubmitAsync(editor, await EditorWorkflowTests.FormAsync(editor, id),
            new Dictionary<string, string?> { ["Input.ScheduleAt"] = past.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) }, "Schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response, $"/editor/articles/{id}");
        Assert.Equal("发布时间应在现在之后", page.QuerySelector("[data-valmsg-for='Input.ScheduleAt']")!.TextContent.Trim());
        Assert.Equal(ArticleStatus.Draft, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Scheduler_AfterARestart_PublishesWhatFellDueWhileTheSiteWasDown()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory, "scheduler@test.local");
        var id = await EditorWorkflowTests.CreateAsync(editor, "停机期间到期", "正文。");
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await EditorWorkflowTests.SubmitAsync(editor, await EditorWorkflowTests.FormAsync(editor, id),
            new Dictionary<string, string?> { ["Input.ScheduleAt"] = (at + China).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) }, "Schedule");
        Assert.Equal(ArticleStatus.Scheduled, await StatusAsync(factory, id));

        // The site starts again on the same database, its clock past the time: nothing but the store remembers.
        using var restarted = new RestartedSiteFactory(factory.DatabasePath, factory.Clock.GetUtcNow().AddHours(3));
        using var reader = TestClients.Anonymous(restarted);
        var status = ArticleStatus.Scheduled;
        for (var i = 0; i < 100 && status != ArticleStatus.Published; i++)
        {
            await Task.Delay(100);
            status = await StatusAsync(restarted, id);
        }

        Assert.Equal(ArticleStatus.Published, status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/articles/{id}", UriKind.Relative))).StatusCode);
    }

    private static Task<ArticleStatus> StatusAsync(NewsRoomFactory site, int id) =>
        site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private async Task<int> PublishDueAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleWorkflow>().PublishDueAsync();
    }
}
