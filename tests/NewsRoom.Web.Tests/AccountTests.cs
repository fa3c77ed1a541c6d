using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class AccountTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task Anonymous_AtTheDesk_IsSentToTheLoginPage()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", Forms.LocationOf(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Editor_LoggedInThroughTheForm_ReachesTheDesk()
    {
        using var client = await TestClients.EditorAsync(factory);

        var response = await client.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>编辑部</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ReturnsToTheAskedPage()
    {
        await TestClients.EnsureUserAsync(factory, "return@test.local", TestClients.EditorPassword, Roles.Editor);
        using var client = TestClients.Anonymous(factory);

        var response = await client.SubmitAsync("/account/login?returnUrl=%2Feditor%2Farticles%2Fnew", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = "return@test.local",
            ["Input.Password"] = TestClients.EditorPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor/articles/new", Forms.LocationOf(response));
    }

    [Fact]
    public async Task Editor_IsKeptOutOfTheAdminConsole()
    {
        const string email = "not-admin@test.local";
        using var client = await TestClients.EditorAsync(factory, email);

        // The policy the Admin folder carries refuses an editor's real sign-in principal.
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
                .CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
            var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
            Assert.False((await authorization.AuthorizeAsync(principal, Roles.Admin)).Succeeded);
            Assert.True((await authorization.AuthorizeAsync(principal, Roles.Editor)).Succeeded);
        }

        // Every admin page there is sends the editor to the access-denied page, which answers 403.
        Assert.Contains("/Editor", PagePaths("/Editor/"), StringComparer.OrdinalIgnoreCase);
        foreach (var path in PagePaths("/Admin/"))
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", Forms.LocationOf(response), StringComparison.OrdinalIgnoreCase);
        }
        var denied = await client.GetAsync(new Uri("/account/denied", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("无权访问", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The admin console is another part of the site; whichever of its pages exist are checked. The same lookup
    // finding the desk shows it finds pages at all.
    private List<string> PagePaths(string folder) =>
        factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath.StartsWith(folder, StringComparison.Ordinal) == true
                && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Distinct()
            .ToList();

    [Fact]
    public async Task Admin_CanUseTheDeskToo()
    {
        using var client = await TestClients.AdminAsync(factory);

        var response = await client.GetAsync(new Uri("/editor/articles/new", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswords_MakeThatNameFromThatAddressWait_WithoutLockingTheAccount()
    {
        const string email = "lockout@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Editor);
        using var client = TestClients.Anonymous(factory);

        for (var i = 0; i < Accounts.LoginThrottle.FreeFailures; i++)
        {
            var failed = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("邮箱或密码不正确", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Five more, as if their waits had been sat out: the next try waits 16 s, far longer than one request takes.
        // The test server reports no client address, so the pair is counted under none.
        await PastLoginFailures.RecordAsync(factory, email, address: null, 5);
        var refused = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = TestClients.EditorPassword });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Accounts.LoginThrottle.RefusedMessageStart, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Only the name from this address waits; the account itself is never locked by failures (LoginThrottleTests).
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Login_UnknownAccount_GetsTheSameMessageAsAWrongPassword()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = "nobody@test.local", ["Input.Password"] = "whatever-1234" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_ByPost_EndsTheSession()
    {
        using var client = await TestClients.EditorAsync(factory, "logout@test.local");

        var response = await client.SubmitAsync("/account/logout", "main form", new Dictionary<string, string?>());
        var desk = await client.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/account/login", Forms.LocationOf(desk), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ChangePassword_LetsTheEditorLogInWithTheNewOne()
    {
        const string email = "newpass@test.local";
        using var client = await TestClients.EditorAsync(factory, email);

        var wrong = await client.SubmitAsync("/account/changepassword", "main form", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = "not-my-password",
            ["Input.NewPassword"] = "Brand-New-Passw0rd",
            ["Input.ConfirmPassword"] = "Brand-New-Passw0rd",
        });
        var changed = await client.SubmitAsync("/account/changepassword", "main form", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = TestClients.EditorPassword,
            ["Input.NewPassword"] = "Brand-New-Passw0rd",
            ["Input.ConfirmPassword"] = "Brand-New-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var again = await TestClients.LoginAsync(factory, email, "Brand-New-Passw0rd");
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestClients.LoginAsync(factory, email, TestClients.EditorPassword));
    }

    [Fact]
    public async Task ChangePassword_Anonymous_IsSentToLogin()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.GetAsync(new Uri("/account/changepassword", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", Forms.LocationOf(response), StringComparison.OrdinalIgnoreCase);
    }
}
