using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>The keys that protect the login cookie live in the store, so a restart on the same store keeps people logged in.</summary>
public sealed class LoginAcrossRestartTests : IDisposable
{
    private const string IdentityCookie = ".AspNetCore.Identity.Application";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-tests", "restart-" + Guid.NewGuid().ToString("N"));

    public LoginAcrossRestartTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "newsroom.db");

    [Fact]
    public async Task Login_SurvivesARestartOnTheSameStore()
    {
        TemplateStore.CopyTo(DatabasePath, seeded: false);
        string cookie;
        int keys;
        using (var before = new RestartedSiteFactory(DatabasePath, DateTimeOffset.UtcNow))
        {
            cookie = await LogInAsync(before);
            keys = await before.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        }

        using var after = new RestartedSiteFactory(DatabasePath, DateTimeOffset.UtcNow);
        using var response = await GetDeskAsync(after, cookie);

        Assert.True(keys > 0, "the data-protection key is kept in the store");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_IsRefusedAfterARestart_WhenTheStoreLostItsKeys()
    {
        TemplateStore.CopyTo(DatabasePath, seeded: false);
        string cookie;
        using (var before = new RestartedSiteFactory(DatabasePath, DateTimeOffset.UtcNow))
        {
            cookie = await LogInAsync(before);
            await before.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        }

        using var after = new RestartedSiteFactory(DatabasePath, DateTimeOffset.UtcNow);
        using var response = await GetDeskAsync(after, cookie);

        // Nothing but the store held the key: the cookie it protected is now unreadable.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Logs the first admin in through the login form and returns the login cookie as the browser keeps it.</summary>
    private static async Task<string> LogInAsync(NewsRoomFactory site)
    {
        using var client = TestClients.Anonymous(site);
        using var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = NewsRoomFactory.AdminEmail,
            ["Input.Password"] = NewsRoomFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    private static async Task<HttpResponseMessage> GetDeskAsync(NewsRoomFactory site, string cookie)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/editor", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
