using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class AdminUsersTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task CreateEditor_ThenResetPasswordLockUnlockAndPromote_AllThroughTheForms()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        const string email = "new-editor@test.local";

        var page = await client.GetDocumentAsync("/admin/users");
        page = await client.FollowAsync(await client.SubmitAsync(Forms.Form(page, "form[data-action='create']"), new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "新编辑",
            ["Input.Password"] = "First-Passw0rd",
            ["Input.Role"] = Roles.Editor,
        }));
        var created = await UserAsync(email);
        Assert.NotNull(created.User);
        Assert.Equal([Roles.Editor], created.Roles);
        Assert.True(created.PasswordIs("First-Passw0rd"));

        page = await client.FollowAsync(await client.SubmitAsync(RowForm(page, email, "reset-password"), new Dictionary<string, string?> { ["newPassword"] = "Second-Passw0rd" }));
        Assert.True((await UserAsync(email)).PasswordIs("Second-Passw0rd"));

        page = await client.FollowAsync(await client.SubmitAsync(RowForm(page, email, "lock")));
        Assert.True((await UserAsync(email)).Locked);
        Assert.Contains("已锁定", page.QuerySelector($"tr[data-user='{email}']")!.TextContent, StringComparison.Ordinal);

        page = await client.FollowAsync(await client.SubmitAsync(RowForm(page, email, "unlock")));
        Assert.False((await UserAsync(email)).Locked);

        await client.FollowAsync(await client.SubmitAsync(RowForm(page, email, "set-role"), new Dictionary<string, string?> { ["role"] = Roles.Admin }));
        Assert.Contains(Roles.Admin, (await UserAsync(email)).Roles);
    }

    [Fact]
    public async Task TheFourRoles_AreOffered_CreatedAndChanged_EachChangeAudited()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var page = await client.GetDocumentAsync("/admin/users");
        Assert.Equal(["记者", "编辑", "总编辑", "管理员"], page.QuerySelectorAll("form[data-action='create'] select[name='Input.Role'] option").Select(o => o.TextContent.Trim()));

        foreach (var (email, role) in new[] { ("new-reporter@test.local", Roles.Reporter), ("new-chief@test.local", Roles.ChiefEditor) })
        {
            page = await client.FollowAsync(await client.SubmitAsync(Forms.Form(page, "form[data-action='create']"), new Dictionary<string, string?>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "First-Passw0rd",
                ["Input.Role"] = role,
            }));
            Assert.Equal([role], (await UserAsync(email)).Roles);
        }
        Assert.Equal("记者", page.QuerySelector("tr[data-user='new-reporter@test.local'] [data-role]")!.TextContent.Trim());

        await client.FollowAsync(await client.SubmitAsync(RowForm(page, "new-reporter@test.local", "set-role"), new Dictionary<string, string?> { ["role"] = Roles.ChiefEditor }));

        Assert.Equal([Roles.ChiefEditor], (await UserAsync("new-reporter@test.local")).Roles);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == "new-reporter@test.local").OrderBy(e => e.Id).Select(e => new { e.Action, e.Summary }).ToListAsync());
        Assert.Equal([(AuditActions.AccountCreated, "记者"), (AuditActions.AccountRoleChanged, "记者 → 总编辑")], audit.Select(e => (e.Action, e.Summary)));
        var refused = await client.SubmitAsync(RowForm(await client.GetDocumentAsync("/admin/users"), "new-chief@test.local", "set-role"), new Dictionary<string, string?> { ["role"] = "Owner" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([Roles.ChiefEditor], (await UserAsync("new-chief@test.local")).Roles);
    }

    [Fact]
    public async Task CreateAccount_WithAWeakPassword_ShowsTheErrorAndCreatesNothing()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var page = await client.GetDocumentAsync("/admin/users");

        var response = await client.SubmitAsync(Forms.Form(page, "form[data-action='create']"), new Dictionary<string, string?>
        {
            ["Input.Email"] = "weak@test.local",
            ["Input.Password"] = "short",
        });
        var result = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码太短", result.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await UserAsync("weak@test.local")).User);
    }

    internal static IHtmlFormElement RowForm(IHtmlDocument page, string email, string action) =>
        Forms.Form(page, $"tr[data-user='{email}'] form[data-action='{action}']");

    internal sealed record Account(AppUser? User, IList<string> Roles, bool Locked, Func<string, bool> PasswordIs);

    internal static async Task<Account> UserAsync(AdminFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return new Account(null, [], false, _ => false);
        }
        var roles = await users.GetRolesAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        return new Account(user, roles, locked, password => hasher.VerifyHashedPassword(user, user.PasswordHash!, password) != PasswordVerificationResult.Failed);
    }

    private Task<Account> UserAsync(string email) => UserAsync(factory, email);
}

// Its own store, so the seeded admin is the only admin when each test starts.
public class AdminLastAdminTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Theory]
    [InlineData("set-role", "不能把最后一位管理员改为编辑")]
    [InlineData("lock", "不能锁定最后一位管理员")]
    [InlineData("delete", "不能删除最后一位管理员")]
    public async Task LastAdmin_CannotBeDemotedLockedOrDeleted(string action, string message)
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var page = await client.GetDocumentAsync("/admin/users");

        var response = await client.SubmitAsync(AdminUsersTests.RowForm(page, NewsRoomFactory.AdminEmail, action), new Dictionary<string, string?> { ["role"] = Roles.Editor });
        var result = await Forms.ParseAsync(response);
        var admin = await AdminUsersTests.UserAsync(factory, NewsRoomFactory.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, result.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(admin.User);
        Assert.Contains(Roles.Admin, admin.Roles);
        Assert.False(admin.Locked);
    }

    [Fact]
    public async Task AnAdmin_CanBeDemoted_WhenAnotherActiveAdminRemains()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        const string second = "second-admin@test.local";
        var page = await client.GetDocumentAsync("/admin/users");
        page = await client.FollowAsync(await client.SubmitAsync(Forms.Form(page, "form[data-action='create']"), new Dictionary<string, string?>
        {
            ["Input.Email"] = second,
            ["Input.Password"] = "Second-Adm1n-pass",
            ["Input.Role"] = Roles.Admin,
        }));

        page = await client.FollowAsync(await client.SubmitAsync(AdminUsersTests.RowForm(page, second, "set-role"), new Dictionary<string, string?> { ["role"] = Roles.Editor }));
        var demoted = await AdminUsersTests.UserAsync(factory, second);
        var lastDemotion = await client.SubmitAsync(AdminUsersTests.RowForm(page, NewsRoomFactory.AdminEmail, "set-role"), new Dictionary<string, string?> { ["role"] = Roles.Editor });

        Assert.DoesNotContain(Roles.Admin, demoted.Roles);
        Assert.Contains(Roles.Editor, demoted.Roles);
        Assert.Equal(HttpStatusCode.OK, lastDemotion.StatusCode);
        Assert.Contains(Roles.Admin, (await AdminUsersTests.UserAsync(factory, NewsRoomFactory.AdminEmail)).Roles);
    }
}
