using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsRoom.Web.Tests;

public class SecurityBaselineTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    [InlineData("/account/login")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // Browsers without CSP level 2 read only this one.
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Healthz_ReportsHealthy_WhenTheDatabaseIsMigrated()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Backup_IsRefusedToAnonymousUsers()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/admin/backup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}

public class LoginRateLimitTests(StrictLoginLimitFactory factory) : IClassFixture<StrictLoginLimitFactory>
{
    [Fact]
    public async Task LoginAttempts_BeyondTheLimitPerMinute_Get429_WhileTheFormStillShows()
    {
        using var client = TestClients.Anonymous(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
            {
                ["Input.Email"] = $"nobody{i}@test.local",
                ["Input.Password"] = "wrong-password",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
    }
}
