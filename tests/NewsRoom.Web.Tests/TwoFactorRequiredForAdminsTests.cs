using System.Net;

namespace NewsRoom.Web.Tests;

/// <summary>NewsRoom:Accounts:RequireTwoFactorForAdmins on: an admin without two-factor sign-in is held at its setup page.</summary>
public class TwoFactorRequiredForAdminsTests(TwoFactorRequiredFactory factory) : IClassFixture<TwoFactorRequiredFactory>
{
    [Fact]
    public async Task Admin_WithoutTwoFactor_IsSentToSetup_AndReachesTheConsoleOnceItIsOn()
    {
        using var admin = await TestClients.AdminAsync(factory);

        foreach (var path in new[] { "/admin", "/admin/users", "/admin/import", "/editor" })
        {
            var held = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/account/twofactor/setup?returnUrl=" + Uri.EscapeDataString(path), Forms.LocationOf(held));
        }
        // A form posted to the console is held back too, before its handler runs.
        using (var post = new HttpRequestMessage(HttpMethod.Post, "/admin/users?handler=Delete") { Content = new FormUrlEncodedContent([]) })
        {
            var held = await admin.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.StartsWith("/account/twofactor/setup", Forms.LocationOf(held), StringComparison.Ordinal);
        }
        Assert.Contains("管理员", (await admin.GetDocumentAsync("/account/twofactor/setup?returnUrl=%2Fadmin")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var setup = await admin.GetDocumentAsync("/account/twofactor/setup?returnUrl=%2Fadmin");
        var key = TwoFactorSetup.KeyOn(setup);
        var enabled = await admin.SubmitAsync(setup.Form("main form"), new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });
        var codesPage = await admin.FollowAsync(enabled);

        Assert.Equal(10, TwoFactorSetup.CodesOn(codesPage).Count);
        Assert.Equal("/admin", codesPage.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        var users = await admin.GetDocumentAsync("/admin/users");
        Assert.Equal("已启用", users.QuerySelector($"tr[data-user='{NewsRoomFactory.AdminEmail}'] [data-two-factor]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Admin_SigningIn_IsSentOnToSetup()
    {
        const string email = "second-admin@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Admin);
        using var client = TestClients.Anonymous(factory);

        var login = await client.SubmitAsync("/account/login?returnUrl=%2Fadmin", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestClients.EditorPassword,
        });
        var landing = await client.GetAsync(new Uri(Forms.LocationOf(login), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/account/twofactor/setup?returnUrl=%2Fadmin", Forms.LocationOf(landing));
        Assert.NotNull((await client.GetDocumentAsync(Forms.LocationOf(landing))).QuerySelector("#authenticator-key"));
    }

    [Fact]
    public async Task Editor_WithoutTwoFactor_StillUsesTheDesk()
    {
        using var editor = await TestClients.EditorAsync(factory, "plain-editor@test.local");

        var desk = await editor.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
    }

    [Fact]
    public async Task Admin_WhoTurnsTwoFactorOff_IsHeldBackAgain()
    {
        const string email = "third-admin@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Admin);
        using var admin = await TestClients.LoginAsync(factory, email, TestClients.EditorPassword);
        var (key, _) = await TwoFactorSetup.EnableAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        var disabled = await admin.SubmitAsync("/account/twofactor/disable", "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });
        var console = await admin.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("/account/twofactor/setup", Forms.LocationOf(console), StringComparison.Ordinal);
    }
}
