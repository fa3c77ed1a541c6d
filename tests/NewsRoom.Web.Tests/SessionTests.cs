using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Sessions end when rights end: an admin's demotion, lock, reset or deletion, and the person's own logout, refuse
/// the old login cookie on its very next request. Real logins through the form, real cookies replayed.
/// </summary>
public class SessionTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const string Password = TestClients.EditorPassword;

    [Fact]
    public async Task DemotedAdmin_OldCookie_NoLongerOpensTheConsole_NorCreatesAnAdmin()
    {
        const string email = "adm2-demoted@test.local";
        await EnsureAdminAsync(email);
        var (adm2, cookie) = await SessionCookies.LoginAsync(factory, email, Password);
        using var _ = adm2;
        var createForm = (await adm2.GetDocumentAsync("/admin/users")).Form("form[data-action='create']");
        using var admin = await TestClients.AdminAsync(factory);

        await SubmitRowFormAsync(admin, email, "set-role", new Dictionary<string, string?> { ["role"] = Roles.Editor });

        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/admin/users")));
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/admin/backup")));
        var created = await adm2.SubmitAsync(createForm, new Dictionary<string, string?>
        {
            ["Input.Email"] = "made-by-adm2@test.local",
            ["Input.Password"] = "Made-By-Adm2-pass",
            ["Input.Role"] = Roles.Admin,
        });
        Assert.True(SessionCookies.IsRefused(created));
        Assert.Null(await FindAsync("made-by-adm2@test.local"));
    }

    [Fact]
    public async Task DeletedAccount_OldCookie_IsRefused_AndItsSessionsAreGone()
    {
        const string email = "adm2-deleted@test.local";
        await EnsureAdminAsync(email);
        var (adm2, cookie) = await SessionCookies.LoginAsync(factory, email, Password);
        using var _ = adm2;
        var userId = (await FindAsync(email))!.Id;
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.GetWithAsync(factory, cookie, "/admin/users")).StatusCode);
        using var admin = await TestClients.AdminAsync(factory);

        await SubmitRowFormAsync(admin, email, "delete");

        Assert.Null(await FindAsync(email));
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/admin/users")));
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/editor")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task LockedEditor_OldCookie_IsRefused()
    {
        const string email = "locked-session@test.local";
        var (editor, cookie) = await LoginEditorAsync(email);
        using var _ = editor;
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.GetWithAsync(factory, cookie, "/editor")).StatusCode);
        using var admin = await TestClients.AdminAsync(factory);

        await SubmitRowFormAsync(admin, email, "lock");

        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/editor")));
        Assert.True(SessionCookies.IsRefused(await editor.GetAsync(new Uri("/editor/articles/new", UriKind.Relative))));
    }

    [Fact]
    public async Task PasswordResetByTheAdmin_EndsTheAccountsSessions()
    {
        const string email = "reset-session@test.local";
        var (editor, cookie) = await LoginEditorAsync(email);
        using var _ = editor;
        using var admin = await TestClients.AdminAsync(factory);

        await SubmitRowFormAsync(admin, email, "reset-password", new Dictionary<string, string?> { ["newPassword"] = "Reset-By-Adm1n-pass" });

        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/editor")));
        using var again = await TestClients.LoginAsync(factory, email, "Reset-By-Adm1n-pass");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task HeaderLogoutButton_EndsTheSession_AndTheOldCookieNoLongerWorks()
    {
        var (editor, cookie) = await LoginEditorAsync("header-logout@test.local");
        using var _ = editor;
        // The front page as the editor sees it, and the 退出 form its header renders, token and all.
        var page = await editor.GetDocumentAsync("/");
        var logout = page.Form("header nav.account form");
        Assert.Equal("退出", logout.QuerySelector("button")!.TextContent.Trim());

        using var response = await editor.SubmitAsync(logout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(SessionCookies.IsRefused(await editor.GetAsync(new Uri("/editor", UriKind.Relative))));
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, cookie, "/editor")));
    }

    [Fact]
    public async Task HeaderLogoutButton_OnAPageWhoseSessionWasEndedElsewhere_SaysYouAreOut_NotBadRequest()
    {
        const string email = "stale-logout@test.local";
        var (laptop, _) = await LoginEditorAsync(email);
        var (phone, _) = await LoginEditorAsync(email);
        using var __ = laptop;
        using var ___ = phone;
        // The laptop's page is loaded while its session lives; then the phone ends every session of the account.
        var logout = (await laptop.GetDocumentAsync("/")).Form("header nav.account form");
        using (await phone.SubmitAsync((await phone.GetDocumentAsync("/account/sessions")).Form("form[data-action='end-all']")))
        {
        }

        using var response = await laptop.SubmitAsync(logout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EndAllDevices_EndsEverySessionOfTheAccount()
    {
        const string email = "end-all@test.local";
        var (laptop, laptopCookie) = await LoginEditorAsync(email);
        var (phone, phoneCookie) = await LoginEditorAsync(email);
        using var _ = laptop;
        using var __ = phone;
        var page = await laptop.GetDocumentAsync("/account/sessions");
        Assert.Equal(2, page.QuerySelectorAll("tr[data-session]").Length);
        Assert.Single(page.QuerySelectorAll("tr.current"));

        using var response = await laptop.SubmitAsync(page.Form("form[data-action='end-all']"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, phoneCookie, "/editor")));
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, laptopCookie, "/editor")));
        Assert.True(SessionCookies.IsRefused(await phone.GetAsync(new Uri("/editor", UriKind.Relative))));
    }

    [Fact]
    public async Task EndingOneSession_EndsThatOneOnly()
    {
        const string email = "end-one@test.local";
        var (laptop, laptopCookie) = await LoginEditorAsync(email);
        var (phone, phoneCookie) = await LoginEditorAsync(email);
        using var _ = laptop;
        using var __ = phone;
        var page = await laptop.GetDocumentAsync("/account/sessions");
        var other = page.QuerySelector<IHtmlTableRowElement>("tr[data-session]:not(.current)")!;

        var after = await laptop.FollowAsync(await laptop.SubmitAsync(other.QuerySelector<IHtmlFormElement>("form[data-action='end']")!));

        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, phoneCookie, "/editor")));
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.GetWithAsync(factory, laptopCookie, "/editor")).StatusCode);
        Assert.Single(after.QuerySelectorAll("tr[data-session]"));
    }

    [Fact]
    public async Task SessionsPage_ShowsStartAndLastUseInBeijingTime_AndTheBrowser()
    {
        const string email = "sessions-page@test.local";
        var (editor, _) = await LoginEditorAsync(email, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        using var __ = editor;
        var userId = (await FindAsync(email))!.Id;
        var started = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId).Select(s => s.CreatedAt).SingleAsync());

        var page = await editor.GetDocumentAsync("/account/sessions");

        var row = page.QuerySelector("tr.current")!.TextContent;
        Assert.Contains((started + TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        Assert.Contains("Chrome · Windows", row, StringComparison.Ordinal);
        Assert.Contains("北京时间", page.QuerySelector("table.sessions thead")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("header a[href='/account/sessions']"));
    }

    [Fact]
    public async Task ChangingTheOwnPassword_KeepsThisSession_AndEndsTheOthers()
    {
        const string email = "own-password@test.local";
        var (laptop, laptopCookie) = await LoginEditorAsync(email);
        var (phone, phoneCookie) = await LoginEditorAsync(email);
        using var _ = laptop;
        using var __ = phone;

        var changed = await laptop.SubmitAsync("/account/changepassword", "main form", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "Own-New-Passw0rd",
            ["Input.ConfirmPassword"] = "Own-New-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        Assert.True(SessionCookies.IsRefused(await SessionCookies.GetWithAsync(factory, phoneCookie, "/editor")));
        // The session is renewed in place under the new stamp: the cookie the laptop already had is still it.
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.GetWithAsync(factory, laptopCookie, "/editor")).StatusCode);
    }

    private async Task<(HttpClient Client, string Cookie)> LoginEditorAsync(string email, string? userAgent = null)
    {
        await TestClients.EnsureUserAsync(factory, email, Password, Roles.Editor);
        return await SessionCookies.LoginAsync(factory, email, Password, userAgent);
    }

    private async Task EnsureAdminAsync(string email)
    {
        await TestClients.EnsureUserAsync(factory, email, Password, Roles.Admin);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (!await users.IsInRoleAsync(user, Roles.Editor))
        {
            await users.AddToRoleAsync(user, Roles.Editor);
        }
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    private static async Task SubmitRowFormAsync(HttpClient admin, string email, string action, Dictionary<string, string?>? values = null)
    {
        var page = await admin.GetDocumentAsync("/admin/users");
        var response = await admin.SubmitAsync(AdminUsersTests.RowForm(page, email, action), values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
