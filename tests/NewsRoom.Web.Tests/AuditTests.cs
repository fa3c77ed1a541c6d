using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Who did what, when and from where: each desk, account, sign-in, import and backup action writes its row with the
/// action itself; /admin/audit filters, pages and exports them; the store refuses to change or drop young rows.
/// </summary>
public class AuditTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task AStorysLife_IsAudited_WithTheEditorsAccount_AndShownOnTheAuditPage()
    {
        const string editorEmail = "audit-desk@test.local";
        using var editor = await TestClients.ChiefEditorAsync(factory, editorEmail);
        var id = await EditorWorkflowTests.CreateAsync(editor, ReaderTestData.Unique("审计稿件"), "正文。");
        await EditorWorkflowTests.PressAsync(editor, id, "Publish");
        await EditorWorkflowTests.PressAsync(editor, id, "Unpublish");

        var rows = await RowsAsync(e => e.ArticleId == id);

        Assert.Equal([AuditActions.ArticleCreated, AuditActions.ArticlePublished, AuditActions.ArticleUnpublished], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(editorEmail, r.Actor));
        Assert.All(rows, r => Assert.NotNull(r.ActorId));
        Assert.Contains("草稿 → 已发布", rows[1].Summary, StringComparison.Ordinal);
        Assert.Contains("已发布 → 草稿", rows[2].Summary, StringComparison.Ordinal);

        using var admin = await TestClients.AdminAsync(factory);
        var page = await admin.GetDocumentAsync($"/admin/audit?article={id}");
        var shown = page.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-action")).ToList();
        Assert.Equal([AuditActions.ArticleUnpublished, AuditActions.ArticlePublished, AuditActions.ArticleCreated], shown);
        Assert.Contains(editorEmail, page.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountChanges_AreAudited_WithTheAdmin_TheAccount_AndBeforeAfter()
    {
        const string email = "audit-account@test.local";
        using var admin = await TestClients.AdminAsync(factory);
        var users = await admin.GetDocumentAsync("/admin/users");
        await admin.SubmitAsync(users.Form("form[data-action='create']"), new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Audit-Passw0rd",
            ["Input.Role"] = Roles.Editor,
        });
        foreach (var (action, values) in new (string, Dictionary<string, string?>)[]
        {
            ("set-role", new() { ["role"] = Roles.Admin }),
            ("reset-password", new() { ["newPassword"] = "Audit-Reset-Passw0rd" }),
            ("lock", new()),
            ("unlock", new()),
            ("delete", new()),
        })
        {
            var page = await admin.GetDocumentAsync("/admin/users");
            using var response = await admin.SubmitAsync(page.Form($"tr[data-user='{email}'] form[data-action='{action}']"), values);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var rows = await RowsAsync(e => e.Target == email);

        Assert.Equal(
            [AuditActions.AccountCreated, AuditActions.AccountRoleChanged, AuditActions.AccountPasswordReset, AuditActions.AccountLocked, AuditActions.AccountUnlocked, AuditActions.AccountDeleted],
            rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(NewsRoomFactory.AdminEmail, r.Actor));
        Assert.Equal("编辑 → 管理员", rows[1].Summary);
    }

    [Fact]
    public async Task ARefusedAccountChange_LeavesNoRow()
    {
        using var admin = await TestClients.AdminAsync(factory);
        var page = await admin.GetDocumentAsync("/admin/users");
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("account.")));

        // The last admin cannot be locked: the page says so, and nothing happened, so nothing is recorded.
        using var response = await admin.SubmitAsync(page.Form($"tr[data-user='{NewsRoomFactory.AdminEmail}'] form[data-action='lock']"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("account."))));
    }

    [Fact]
    public async Task SignIns_SucceededAndFailed_AreAudited_WithTheTypedName()
    {
        const string email = "audit-login@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Editor);
        using var client = TestClients.Anonymous(factory);
        await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "wrong-password-1" });
        await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = "nobody-audit@test.local", ["Input.Password"] = "wrong-password-1" });
        await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = TestClients.EditorPassword });

        var rows = await RowsAsync(e => e.Actor == email || e.Actor == "nobody-audit@test.local");

        Assert.Equal(
            [(AuditActions.SignInFailed, email), (AuditActions.SignInFailed, "nobody-audit@test.local"), (AuditActions.SignInSucceeded, email)],
            rows.Select(r => (r.Action, r.Actor)));
        Assert.Null(rows[1].ActorId);
        Assert.NotNull(rows[2].ActorId);
    }

    [Fact]
    public async Task ABackup_IsAudited_AndTheCopyCarriesItsOwnRow()
    {
        using var admin = await TestClients.AdminAsync(factory);

        using var response = await admin.GetAsync(new Uri("/admin/backup", UriKind.Relative));
        var copy = Path.Combine(Path.GetTempPath(), $"audit-backup-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(copy, await response.Content.ReadAsByteArrayAsync());
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM AuditEntries WHERE Action = 'backup.downloaded' AND Actor = $actor";
            command.Parameters.AddWithValue("$actor", NewsRoomFactory.AdminEmail);
            Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task AnImportRun_IsAudited_WhenQueuedAndWhenFinished()
    {
        using var scope = factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();

        var runId = await runner.CreateAsync("audit-importer@test.local", 0);
        await runner.FinishAsync(runId, CancellationToken.None);

        var rows = await RowsAsync(e => e.Target == $"导入 #{runId}");
        Assert.Equal([AuditActions.ImportRun, AuditActions.ImportRun], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("audit-importer@test.local", r.Actor));
        Assert.StartsWith("完成", rows[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditPage_FiltersByPersonActionAndBeijingDay_AndTheCsvHasTheSameRows()
    {
        const string person = "audit-filter@test.local";
        var day = new DateTime(2026, 3, 1, 15, 30, 0, DateTimeKind.Utc); // 23:30 on 1 March in Beijing
        await AddRowsAsync(
            Row(person, AuditActions.SignInFailed, day),
            Row(person, AuditActions.SignInSucceeded, day.AddHours(1)), // 00:30 on 2 March in Beijing
            Row("someone-else@test.local", AuditActions.SignInFailed, day));
        using var admin = await TestClients.AdminAsync(factory);

        var page = await admin.GetDocumentAsync($"/admin/audit?person={person}&from=2026-03-01&to=2026-03-01");
        var csv = await admin.GetStringAsync(new Uri($"/admin/audit?person={person}&action={AuditActions.SignInSucceeded}&handler=Csv", UriKind.Relative));

        Assert.Equal([AuditActions.SignInFailed], page.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-action")));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("时间（UTC）", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains("2026-03-02 00:30:00", lines[1], StringComparison.Ordinal);
        Assert.Contains("登录成功", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheCsv_DefusesFormulas_AndQuotesCommas()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", AuditCsv.Field("=HYPERLINK(\"x\")").Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal));
        Assert.Equal("\"甲,乙\"", AuditCsv.Field("甲,乙"));
        Assert.Equal("'-1", AuditCsv.Field("-1"));
        Assert.Equal("王林喜", AuditCsv.Field("王林喜"));
    }

    [Fact]
    public async Task TheStore_RefusesToChangeARow_OrToDropOneYoungerThanSixMonths()
    {
        await AddRowsAsync(Row("audit-tamper@test.local", AuditActions.SignInFailed, DateTime.UtcNow));

        var update = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'x' WHERE Actor = 'audit-tamper@test.local'")));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Actor = 'audit-tamper@test.local'")));

        Assert.Contains("cannot be changed", update.Message, StringComparison.Ordinal);
        Assert.Contains("at least 180 days", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "audit-tamper@test.local")));
    }

    [Fact]
    public async Task Retention_PrunesRowsOlderThanTheSetting_AndRecordsThatItDid()
    {
        await AddRowsAsync(
            Row("audit-old@test.local", AuditActions.SignInFailed, DateTime.UtcNow.AddDays(-500)),
            Row("audit-kept@test.local", AuditActions.SignInFailed, DateTime.UtcNow.AddDays(-300)));

        var pruned = await factory.Services.GetRequiredService<AuditRetention>().PruneAsync();

        Assert.True(pruned >= 1);
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "audit-old@test.local")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "audit-kept@test.local")));
        var record = await factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.AuditPruned));
        Assert.Equal(AuditRetention.Actor, record.Actor);
        Assert.Contains("400 天前", record.Summary, StringComparison.Ordinal);
    }

    private static AuditEntry Row(string actor, string action, DateTime at) => new() { Actor = actor, Action = action, At = at };

    private Task<int> AddRowsAsync(params AuditEntry[] rows) => factory.WithDbAsync(async db =>
    {
        db.AuditEntries.AddRange(rows);
        return await db.SaveChangesAsync();
    });

    private Task<List<AuditEntry>> RowsAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> filter) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(filter).OrderBy(e => e.Id).ToListAsync());
}
