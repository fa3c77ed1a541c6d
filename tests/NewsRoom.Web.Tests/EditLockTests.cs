using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The edit lock on a clock the test turns: opening a story's form takes it, others see "X 正在编辑" with the time in
/// Beijing time, editors may take it over, and it lapses when its holder stops renewing it.
/// </summary>
public class EditLockTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string First = "lock-first@test.local";
    private const string Second = "lock-second@test.local";

    [Fact]
    public async Task OpeningTheForm_TakesTheLock_AndAnotherEditorSeesWhoSinceWhen_WithTakeOver()
    {
        using var first = await TestClients.EditorAsync(factory, First);
        using var second = await TestClients.EditorAsync(factory, Second);
        var id = await EditorWorkflowTests.CreateAsync(first, ReaderTestData.Unique("加锁"), "正文。");
        var opened = factory.Clock.GetUtcNow().UtcDateTime;

        var own = await first.GetDocumentAsync($"/editor/articles/{id}");
        var other = await second.GetDocumentAsync($"/editor/articles/{id}");

        Assert.Null(own.QuerySelector("[data-locked-by]"));
        Assert.NotNull(own.QuerySelector("#edit-lock[data-renew-url]"));
        var banner = other.QuerySelector("[data-locked-by]")!;
        Assert.Equal(First, banner.GetAttribute("data-locked-by"));
        Assert.Contains($"{First} 正在编辑", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains((opened + TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture) + " 起", banner.TextContent, StringComparison.Ordinal);
        Assert.NotNull(other.QuerySelector("form[data-action='take-over']"));
        Assert.Equal(First, await HolderAsync(id));
    }

    [Fact]
    public async Task TakeOver_MovesTheLock_IsAudited_AndTheFormerHoldersRenewalIsToldWho()
    {
        using var first = await TestClients.EditorAsync(factory, First);
        using var second = await TestClients.EditorAsync(factory, Second);
        var id = await EditorWorkflowTests.CreateAsync(first, ReaderTestData.Unique("接管"), "正文。");
        var firstForm = await EditorWorkflowTests.FormAsync(first, id);
        var other = await second.GetDocumentAsync($"/editor/articles/{id}");

        var taken = await second.SubmitAsync(other.Form("form[data-action='take-over']"));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(Second, await HolderAsync(id));
        Assert.Equal(Second, await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == id && e.Action == AuditActions.ArticleLockTakenOver).Select(e => e.Actor).SingleAsync()));
        var renewal = await RenewAsync(first, firstForm, id);
        Assert.Equal(HttpStatusCode.Conflict, renewal.StatusCode);
        Assert.Contains($"{Second} 已接管编辑", await renewal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Now the first editor is the one shown the banner.
        Assert.Equal(Second, (await first.GetDocumentAsync($"/editor/articles/{id}")).QuerySelector("[data-locked-by]")!.GetAttribute("data-locked-by"));
    }

    [Fact]
    public async Task ALock_LapsesWithoutRenewal_AndIsKeptWhileRenewed()
    {
        using var first = await TestClients.EditorAsync(factory, First);
        using var second = await TestClients.EditorAsync(factory, Second);
        var id = await EditorWorkflowTests.CreateAsync(first, ReaderTestData.Unique("过期"), "正文。");
        var form = await EditorWorkflowTests.FormAsync(first, id);

        factory.Clock.Advance(EditLocks.Expiry - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await RenewAsync(first, form, id)).StatusCode);
        factory.Clock.Advance(EditLocks.Expiry - TimeSpan.FromMinutes(1));
        Assert.NotNull((await second.GetDocumentAsync($"/editor/articles/{id}")).QuerySelector("[data-locked-by]"));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null((await second.GetDocumentAsync($"/editor/articles/{id}")).QuerySelector("[data-locked-by]"));
        Assert.Equal(Second, await HolderAsync(id));
    }

    [Fact]
    public async Task AReporter_SeesWhoIsEditingTheirDraft_ButCannotTakeItOver()
    {
        const string reporterEmail = "lock-reporter@test.local";
        using var reporter = await TestClients.ReporterAsync(factory, reporterEmail);
        using var editor = await TestClients.EditorAsync(factory, First);
        var id = await EditorWorkflowTests.CreateAsync(reporter, ReaderTestData.Unique("记者草稿"), "正文。");
        factory.Clock.Advance(EditLocks.Expiry);
        await editor.GetDocumentAsync($"/editor/articles/{id}");

        var page = await reporter.GetDocumentAsync($"/editor/articles/{id}");

        Assert.Equal(First, page.QuerySelector("[data-locked-by]")!.GetAttribute("data-locked-by"));
        Assert.Null(page.QuerySelector("form[data-action='take-over']"));
        var form = page.Form("#article-form");
        using var content = new FormUrlEncodedContent(Forms.Fields(form));
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsync(new Uri($"/editor/articles/{id}?handler=TakeOver", UriKind.Relative), content)).StatusCode);
        Assert.Equal(First, await HolderAsync(id));
    }

    private Task<string?> HolderAsync(int id) =>
        factory.WithDbAsync(db => db.EditLocks.Where(l => l.ArticleId == id).Select(l => l.HeldBy).SingleOrDefaultAsync());

    private static async Task<HttpResponseMessage> RenewAsync(HttpClient client, IHtmlFormElement form, int id)
    {
        using var content = new FormUrlEncodedContent(Forms.Fields(form).Where(f => f.Key == "__RequestVerificationToken"));
        return await client.PostAsync(new Uri($"/editor/articles/{id}?handler=RenewLock", UriKind.Relative), content);
    }
}
