using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>Authenticator codes at sign-in, set up, used and turned off through the pages, with codes computed as a phone would.</summary>
public class TwoFactorTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task Setup_RefusesAWrongCode_AndWithTheRightOne_TurnsItOnAndShowsTenRecoveryCodesOnce()
    {
        const string email = "2fa-setup@test.local";
        using var client = await TestClients.EditorAsync(factory, email);
        var setup = await client.GetDocumentAsync("/account/twofactor/setup");
        var key = KeyOn(setup);
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", setup.QuerySelector("#authenticator-key")!.TextContent);
        var qr = setup.QuerySelector<IHtmlImageElement>("#authenticator-qr")!.Source!;
        Assert.StartsWith("data:image/png;base64,", qr, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..4]);

        var wrong = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string?> { ["Input.Code"] = Totp.WrongCode(key) });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TwoFactorEnabledAsync(email));

        var right = await client.SubmitAsync("/account/twofactor/setup", "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(email));
        var codes = CodesOn(await client.FollowAsync(right));
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        var again = await client.GetDocumentAsync("/account/twofactor/recoverycodes");
        Assert.Null(again.QuerySelector("#recovery-codes"));
        Assert.Contains("已启用", (await client.GetDocumentAsync("/account/twofactor")).QuerySelector("#two-factor-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OfATwoFactorAccount_NeedsTheCode_ThePasswordAloneDoesNotOpenTheDesk()
    {
        const string email = "2fa-login@test.local";
        var (key, _) = await EnabledEditorAsync(email);
        using var client = TestClients.Anonymous(factory);

        var password = await PasswordStepAsync(client, email);
        var desk = await client.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.StartsWith("/account/loginwithcode", password, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/account/login", Forms.LocationOf(desk), StringComparison.Ordinal);

        var wrong = await client.SubmitAsync(password, "#code-form", new Dictionary<string, string?> { ["Input.Code"] = Totp.WrongCode(key) });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确或已过期", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);

        var right = await client.SubmitAsync(password, "#code-form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/editor", Forms.LocationOf(right));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task WrongCodes_CountTowardTheLockout_SoAfterFiveEvenTheRightCodeIsRefused()
    {
        const string email = "2fa-lockout@test.local";
        var (key, _) = await EnabledEditorAsync(email);
        using var client = TestClients.Anonymous(factory);
        var step = await PasswordStepAsync(client, email);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitAsync(step, "#code-form", new Dictionary<string, string?> { ["Input.Code"] = Totp.WrongCode(key) });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await client.SubmitAsync(step, "#code-form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task LoginStep_WithoutThePasswordStep_AsksForThePasswordFirst()
    {
        using var client = TestClients.Anonymous(factory);

        var page = await client.GetDocumentAsync("/account/loginwithcode");

        Assert.Null(page.QuerySelector("#code-form"));
        Assert.NotNull(page.QuerySelector("a[href='/account/login']"));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndOnlyOnce()
    {
        const string email = "2fa-recovery@test.local";
        var (_, codes) = await EnabledEditorAsync(email);

        using (var first = TestClients.Anonymous(factory))
        {
            var step = await PasswordStepAsync(first, email);
            var used = await first.SubmitAsync(step, "#recovery-form", new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[0] });

            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        }

        using var second = TestClients.Anonymous(factory);
        var again = await second.SubmitAsync(await PasswordStepAsync(second, email), "#recovery-form", new Dictionary<string, string?> { ["Input.RecoveryCode"] = codes[0] });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("恢复码不正确或已用过", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        Assert.Equal(9, await RecoveryCodesLeftAsync(email));
    }

    [Fact]
    public async Task RecoveryCode_TypedInLowerCaseWithoutTheDash_IsAccepted()
    {
        const string email = "2fa-typed@test.local";
        var (_, codes) = await EnabledEditorAsync(email);
        using var client = TestClients.Anonymous(factory);

        var typed = codes[3].Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();
        var response = await client.SubmitAsync(await PasswordStepAsync(client, email), "#recovery-form", new Dictionary<string, string?> { ["Input.RecoveryCode"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor", Forms.LocationOf(response));
    }

    [Fact]
    public async Task RegeneratedRecoveryCodes_ReplaceTheOldOnes()
    {
        const string email = "2fa-regenerate@test.local";
        var (_, old) = await EnabledEditorAsync(email);
        using var editor = await SignedInWithCodeAsync(email, old[0]);

        var regenerated = await editor.SubmitAsync("/account/twofactor/recoverycodes", "main form");
        var fresh = CodesOn(await editor.FollowAsync(regenerated));

        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        using var client = TestClients.Anonymous(factory);
        var withOld = await client.SubmitAsync(await PasswordStepAsync(client, email), "#recovery-form", new Dictionary<string, string?> { ["Input.RecoveryCode"] = old[1] });
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        var withNew = await client.SubmitAsync(await PasswordStepAsync(client, email), "#recovery-form", new Dictionary<string, string?> { ["Input.RecoveryCode"] = fresh[0] });
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task RememberThisDevice_SkipsTheCodeAtTheNextLoginInThatBrowserOnly()
    {
        const string email = "2fa-remember@test.local";
        var (key, _) = await EnabledEditorAsync(email);
        using var remembered = TestClients.Anonymous(factory);
        var step = await PasswordStepAsync(remembered, email);
        var signedIn = await remembered.SubmitAsync(step, "#code-form", new Dictionary<string, string?>
        {
            ["Input.Code"] = Totp.Code(key),
            ["Input.RememberDevice"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        await remembered.SubmitAsync("/account/logout", "main form");
        Assert.Equal("/editor", await PasswordStepAsync(remembered, email));

        using var elsewhere = TestClients.Anonymous(factory);
        Assert.StartsWith("/account/loginwithcode", await PasswordStepAsync(elsewhere, email), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_RefusesAWrongCode_AndWithTheCurrentCode_TurnsItOff_SoThePasswordAloneSignsIn()
    {
        const string email = "2fa-disable@test.local";
        var (key, codes) = await EnabledEditorAsync(email);
        using var editor = await SignedInWithCodeAsync(email, codes[0]);

        var wrong = await editor.SubmitAsync("/account/twofactor/disable", "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.WrongCode(key) });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(email));

        var disabled = await editor.SubmitAsync("/account/twofactor/disable", "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(email));
        Assert.Contains("未启用", (await editor.FollowAsync(disabled)).QuerySelector("#two-factor-state")!.TextContent, StringComparison.Ordinal);
        // The session that turned it off stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        using var client = TestClients.Anonymous(factory);
        Assert.Equal("/editor", await PasswordStepAsync(client, email));
        // A new setup shows a new key: the old one is worthless.
        Assert.NotEqual(key, KeyOn(await editor.GetDocumentAsync("/account/twofactor/setup")));
    }

    [Fact]
    public async Task Disable_WithThePassword_TurnsItOff_AndAWrongPasswordDoesNot()
    {
        const string email = "2fa-disable-password@test.local";
        var (_, codes) = await EnabledEditorAsync(email);
        using var editor = await SignedInWithCodeAsync(email, codes[0]);

        var wrong = await editor.SubmitAsync("/account/twofactor/disable", "main form", new Dictionary<string, string?> { ["Input.Password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(email));

        var disabled = await editor.SubmitAsync("/account/twofactor/disable", "main form", new Dictionary<string, string?> { ["Input.Password"] = TestClients.EditorPassword });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(email));
    }

    [Fact]
    public async Task AnAdmin_TurnsOffTheTwoFactorOfSomeoneWhoLostTheirPhone_SoThePasswordAloneSignsIn_AndTheOldRecoveryCodesAreVoid()
    {
        const string email = "2fa-lost-phone@test.local";
        var (_, codes) = await EnabledEditorAsync(email);
        using var admin = await TestClients.AdminAsync(factory);
        var users = await admin.GetDocumentAsync("/admin/users");

        using var reset = await admin.SubmitAsync(users.Form($"tr[data-user='{email}'] form[data-action='reset-two-factor']"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(email));
        Assert.Equal(0, await RecoveryCodesLeftAsync(email));
        Assert.Equal("未启用", (await admin.GetDocumentAsync("/admin/users")).QuerySelector($"tr[data-user='{email}'] [data-two-factor]")!.TextContent);
        using var client = TestClients.Anonymous(factory);
        Assert.Equal("/editor", await PasswordStepAsync(client, email));
        Assert.False(await WithUsersAsync(async u => (await u.RedeemTwoFactorRecoveryCodeAsync((await u.FindByEmailAsync(email))!, codes[0])).Succeeded));
    }

    [Fact]
    public async Task TwoFactorPages_AskForASignedInUserInTheirMetadata_AndSendAnAnonymousVisitorToTheLoginPage()
    {
        using var client = TestClients.Anonymous(factory);
        var pages = (await AppEndpoints.ListAsync(factory.Services)).Where(r => r.Template.StartsWith("/account/twofactor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, r => Assert.True(r.RequiresAuthorization, r.ToString()));

        foreach (var path in new[] { "/account/twofactor", "/account/twofactor/setup", "/account/twofactor/recoverycodes", "/account/twofactor/disable" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", Forms.LocationOf(response), StringComparison.Ordinal);
        }
    }

    /// <summary>An editor who turned two-factor sign-in on through the setup page; the key and the recovery codes it showed.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnabledEditorAsync(string email)
    {
        using var client = await TestClients.EditorAsync(factory, email);
        return await TwoFactorSetup.EnableAsync(client);
    }

    private async Task<HttpClient> SignedInWithCodeAsync(string email, string recoveryCode)
    {
        var client = TestClients.Anonymous(factory);
        var response = await client.SubmitAsync(await PasswordStepAsync(client, email), "#recovery-form", new Dictionary<string, string?> { ["Input.RecoveryCode"] = recoveryCode });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Submits the right password; where the login sends the browser next.</summary>
    private static async Task<string> PasswordStepAsync(HttpClient client, string email)
    {
        var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestClients.EditorPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Forms.LocationOf(response);
    }

    private static string KeyOn(IHtmlDocument setup) => TwoFactorSetup.KeyOn(setup);

    private static List<string> CodesOn(IHtmlDocument page) => TwoFactorSetup.CodesOn(page);

    private Task<bool> TwoFactorEnabledAsync(string email) => WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.TwoFactorEnabled);

    private Task<int> RecoveryCodesLeftAsync(string email) => WithUsersAsync(async users => await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!));

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}

/// <summary>Codes are guessed faster than passwords: their forms share the login's limit per client address.</summary>
public class TwoFactorRateLimitTests(StrictLoginLimitFactory factory) : IClassFixture<StrictLoginLimitFactory>
{
    [Fact]
    public async Task EveryPageThatTakesACode_CarriesTheLoginsRateLimit()
    {
        var routes = await AppEndpoints.ListAsync(factory.Services);

        var codePages = routes.Where(r => r.Template.StartsWith("/account/twofactor", StringComparison.Ordinal) || r.Template == "/account/loginwithcode").ToList();

        Assert.Contains(codePages, r => r.ToString() == "POST /account/loginwithcode?handler=Recovery");
        Assert.Contains(codePages, r => r.ToString() == "POST /account/twofactor/disable");
        Assert.All(codePages, r => Assert.Equal("login", r.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName));
    }

    [Fact]
    public async Task CodeAttempts_CountWithTheLoginsAgainstTheLimitPerMinute()
    {
        const string email = "2fa-limit@test.local";
        await TestClients.EnsureUserAsync(factory, email, TestClients.EditorPassword, Roles.Editor);
        string key;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        using var client = TestClients.Anonymous(factory);
        var password = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestClients.EditorPassword,
        });
        var step = Forms.LocationOf(password);

        var statuses = new List<HttpStatusCode>();
        foreach (var code in new[] { Totp.WrongCode(key), Totp.WrongCode(key), Totp.Code(key) })
        {
            using var response = await client.SubmitAsync(step, "#code-form", new Dictionary<string, string?> { ["Input.Code"] = code });
            statuses.Add(response.StatusCode);
        }

        // The password and two wrong codes use up the 3 a minute; the right code, fourth, is turned away unread.
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(step, UriKind.Relative))).StatusCode);
    }
}
