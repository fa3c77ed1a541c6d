using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Dom;

namespace NewsRoom.Web.Tests;

// Loopback is trusted only because this site lists it; ForwardedHeadersTests checks the default, which does not.
public class CookieSecurityTests(LoopbackProxyFactory factory) : IClassFixture<LoopbackProxyFactory>
{
    [Fact]
    public async Task LoginOverHttpsBehindALoopbackProxy_SetsSecureHttpOnlySameSiteCookies()
    {
        var cookies = await CookieFlow.LoginAsync(factory, remoteAddress: "127.0.0.1", forwardedProto: "https");

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("(?i); samesite=(lax|strict)", c);
        });
    }

    [Fact]
    public async Task LoginOverPlainHttp_SetsHttpOnlySameSiteCookies_NotMarkedSecure()
    {
        var cookies = await CookieFlow.LoginAsync(factory, remoteAddress: "127.0.0.1", forwardedProto: null);

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("(?i); samesite=(lax|strict)", c);
        });
    }

    [Fact]
    public async Task ForwardedProto_FromAnUntrustedAddress_IsIgnored()
    {
        var cookies = await CookieFlow.LoginAsync(factory, remoteAddress: "203.0.113.9", forwardedProto: "https");

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

public class TrustedProxiesTests(RemoteProxyFactory factory) : IClassFixture<RemoteProxyFactory>
{
    [Fact]
    public async Task ForwardedProto_FromAConfiguredProxyNetwork_MakesCookiesSecure()
    {
        var cookies = await CookieFlow.LoginAsync(factory, remoteAddress: "10.1.2.3", forwardedProto: "https");

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ConfiguredProxies_ReplaceLoopback_SoLoopbackIsNoLongerBelieved()
    {
        var cookies = await CookieFlow.LoginAsync(factory, remoteAddress: "127.0.0.1", forwardedProto: "https");

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// A login by hand, without a cookie container: a container would not send a Secure cookie back over the test's
/// plain http, and the raw Set-Cookie headers are what these tests read.
/// </summary>
internal static class CookieFlow
{
    public static async Task<List<string>> LoginAsync(ProxyAwareFactory factory, string remoteAddress, string? forwardedProto)
    {
        _ = factory.Server;
        using var client = new HttpClient(factory.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        client.DefaultRequestHeaders.Add(ProxyAwareFactory.RemoteAddressHeader, remoteAddress);
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }
        var setCookies = new List<string>();

        using var form = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        setCookies.AddRange(SetCookies(form));
        var page = await Forms.ParseAsync(form, "/account/login");
        var fields = Forms.Fields(page.QuerySelector<IHtmlFormElement>("main form")!)
            .Where(f => f.Key is not ("Input.Email" or "Input.Password")).ToList();
        fields.Add(new("Input.Email", NewsRoomFactory.AdminEmail));
        fields.Add(new("Input.Password", NewsRoomFactory.AdminPassword));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", string.Join("; ", setCookies.Select(c => c.Split(';')[0])));
        using var login = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        setCookies.AddRange(SetCookies(login));
        return setCookies;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
