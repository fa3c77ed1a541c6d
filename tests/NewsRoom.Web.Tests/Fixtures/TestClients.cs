using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>Clients for the tests: anonymous, or logged in through the real login form (antiforgery included).</summary>
public static class TestClients
{
    public const string EditorPassword = "Editor-Passw0rd";

    /// <summary>An anonymous client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public static HttpClient Anonymous(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The first admin, logged in.</summary>
    public static Task<HttpClient> AdminAsync(WebApplicationFactory<Program> factory) =>
        LoginAsync(factory, NewsRoomFactory.AdminEmail, NewsRoomFactory.AdminPassword);

    /// <summary>An editor (created through UserManager when missing), logged in.</summary>
    public static async Task<HttpClient> EditorAsync(WebApplicationFactory<Program> factory, string email = "editor@test.local")
    {
        await EnsureUserAsync(factory, email, EditorPassword, Roles.Editor);
        return await LoginAsync(factory, email, EditorPassword);
    }

    /// <summary>A reporter (记者), logged in.</summary>
    public static Task<HttpClient> ReporterAsync(WebApplicationFactory<Program> factory, string email = "reporter@test.local") =>
        InRoleAsync(factory, email, Roles.Reporter);

    /// <summary>A chief editor (总编辑), logged in: the role that publishes.</summary>
    public static Task<HttpClient> ChiefEditorAsync(WebApplicationFactory<Program> factory, string email = "chief@test.local") =>
        InRoleAsync(factory, email, Roles.ChiefEditor);

    /// <summary>An account of the role (created when missing), logged in.</summary>
    public static async Task<HttpClient> InRoleAsync(WebApplicationFactory<Program> factory, string email, string role)
    {
        await EnsureUserAsync(factory, email, EditorPassword, role);
        return await LoginAsync(factory, email, EditorPassword);
    }

    /// <summary>Creates an account with a role unless it exists.</summary>
    public static async Task EnsureUserAsync(WebApplicationFactory<Program> factory, string email, string password, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>Logs in through /account/login; the client keeps the cookie and does not follow redirects.</summary>
    public static async Task<HttpClient> LoginAsync(WebApplicationFactory<Program> factory, string email, string password)
    {
        var client = Anonymous(factory);
        var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }
}
