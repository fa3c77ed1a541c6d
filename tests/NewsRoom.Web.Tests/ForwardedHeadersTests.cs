using System.Net;
using NewsRoom.Web.Accounts;

namespace NewsRoom.Web.Tests;

/// <summary>
/// By default no one's X-Forwarded-* headers are believed, loopback's included: a program on the site's own machine
/// cannot claim another client address to step past the login limits, nor claim HTTPS.
/// </summary>
public class ForwardedHeadersTests(ProxyAwareFactory factory) : IClassFixture<ProxyAwareFactory>
{
    [Fact]
    public async Task ForwardedFor_FromLoopback_IsIgnored_SoRotatingItDoesNotEscapeTheLoginLimit()
    {
        var answers = new List<string?>();
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            answers.Add(await ForwardedLogins.WrongPasswordAsync(factory, "rotating@test.local", forwardedFor: $"198.51.100.{i + 1}"));
        }
        // Five more from loopback, as if their waits had been sat out; then one more claiming yet another address.
        await PastLoginFailures.RecordAsync(factory, "rotating@test.local", IPAddress.Loopback, 5);
        answers.Add(await ForwardedLogins.WrongPasswordAsync(factory, "rotating@test.local", forwardedFor: "198.51.100.99"));

        Assert.StartsWith(LoginThrottle.RefusedMessageStart, answers[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedFor_FromLoopback_IsNotTheAddressASessionShows()
    {
        using var client = await ForwardedLogins.AdminAsync(factory, forwardedFor: "198.51.100.44");

        var sessions = await client.GetDocumentAsync("/account/sessions");

        var row = sessions.QuerySelector("tr.current")!.TextContent;
        Assert.Contains("127.0.0.1", row, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.44", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedProto_FromLoopback_IsIgnored()
    {
        var cookies = await CookieFlow.LoginAsync(factory, remoteAddress: "127.0.0.1", forwardedProto: "https");

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The operator listed loopback: its proxy's X-Forwarded-For is then the client's address.</summary>
public class ListedLoopbackProxyTests(LoopbackProxyFactory factory) : IClassFixture<LoopbackProxyFactory>
{
    [Fact]
    public async Task ForwardedFor_FromAListedLoopbackProxy_IsTheClientAddress()
    {
        var answers = new List<string?>();
        for (var i = 0; i < 11; i++)
        {
            answers.Add(await ForwardedLogins.WrongPasswordAsync(factory, "forwarded@test.local", forwardedFor: $"198.51.100.{i + 1}"));
        }
        using var client = await ForwardedLogins.AdminAsync(factory, forwardedFor: "198.51.100.44");
        var row = (await client.GetDocumentAsync("/account/sessions")).QuerySelector("tr.current")!.TextContent;

        // Eleven clients with one failure each: none of them is refused.
        Assert.All(answers, a => Assert.DoesNotContain(LoginThrottle.RefusedMessageStart, a, StringComparison.Ordinal));
        Assert.Contains("198.51.100.44", row, StringComparison.Ordinal);
    }
}

internal static class ForwardedLogins
{
    /// <summary>A wrong password from loopback carrying X-Forwarded-For; returns the form's message.</summary>
    public static async Task<string?> WrongPasswordAsync(ProxyAwareFactory factory, string email, string forwardedFor)
    {
        using var client = ClientFromLoopback(factory, forwardedFor);
        using var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Wrong-Passw0rd",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Forms.ParseAsync(response, "/account/login")).QuerySelector(".errors")?.TextContent.Trim();
    }

    /// <summary>The first admin logged in from loopback, every request carrying X-Forwarded-For.</summary>
    public static async Task<HttpClient> AdminAsync(ProxyAwareFactory factory, string forwardedFor)
    {
        var client = ClientFromLoopback(factory, forwardedFor);
        using var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = NewsRoomFactory.AdminEmail,
            ["Input.Password"] = NewsRoomFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static HttpClient ClientFromLoopback(ProxyAwareFactory factory, string forwardedFor)
    {
        var client = TestClients.Anonymous(factory);
        client.DefaultRequestHeaders.Add(ProxyAwareFactory.RemoteAddressHeader, "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
