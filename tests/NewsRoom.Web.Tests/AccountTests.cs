using System.Net;
using NewsRoom.Web.Data.Entities;

namespace NewsRoom.Web.Tests;

public class AccountTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task Anonymous_AtTheDesk_IsSentToTheLoginPage()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", TestClients.LocationOf(response), StringComparison.OrdinalIgnoreCase);
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

        var response = await client.SubmitAsync("/account/login?returnUrl=%2Feditor%2Farticles%2Fnew", "form", new Dictionary<string, string?>
        {
            ["Input.Email"] = "return@test.local",
            ["Input.Password"] = TestClients.EditorPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor/articles/new", TestClients.LocationOf(response));
    }

    [Fact]
    public async Task Editor_AtTheAdminConsole_IsDenied()
    {
        using var client = await TestClients.EditorAsync(factory);

        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", TestClients.LocationOf(response), StringComparison.OrdinalIgnoreCase);

        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("无权访问", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CanUseTheDeskToo()
    {
        using var client = await TestClients.AdminAsync(factory);

        var response = await client.GetAsync(new Uri("/editor/articles/new", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_IsRefusedWithAMessage_AndFiveFailuresLockTheAccount()
    {
        const string email = "lockout@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Editor);
        using var client = TestClients.Anonymous(factory);

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitAsync("/account/login", "form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var locked = await client.SubmitAsync("/account/login", "form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = TestClients.EditorPassword });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownAccount_GetsTheSameMessageAsAWrongPassword()
    {
        using var client = TestClients.Anonymous(factory);

        var response = await client.SubmitAsync("/account/login", "form", new Dictionary<string, string?> { ["Input.Email"] = "nobody@test.local", ["Input.Password"] = "whatever-1234" });

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
        Assert.StartsWith("/account/login", TestClients.LocationOf(desk), StringComparison.OrdinalIgnoreCase);
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
        Assert.StartsWith("/account/login", TestClients.LocationOf(response), StringComparison.OrdinalIgnoreCase);
    }
}
