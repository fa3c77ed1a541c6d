using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Behind a TLS proxy the site itself is spoken to over HTTP; a request the trusted proxy says came over HTTPS is told
/// to stay on HTTPS (Strict-Transport-Security), one from anyone else is not. The proxy is configured here, not assumed.
/// </summary>
public class HstsTests(RemoteProxyFactory factory) : IClassFixture<RemoteProxyFactory>
{
    private const string TrustedProxy = "10.1.0.5";
    private const string Stranger = "192.0.2.7";

    [Theory]
    [InlineData(TrustedProxy, "https", true)]
    [InlineData(TrustedProxy, "http", false)]
    [InlineData(Stranger, "https", false)]
    public async Task Hsts_IsSent_OnlyForHttpsThatTheTrustedProxyForwarded(string from, string proto, bool expected)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://news.example.cn"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add(ProxyAwareFactory.RemoteAddressHeader, from);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", proto);

        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(expected, response.Headers.TryGetValues("Strict-Transport-Security", out var values));
        if (expected)
        {
            Assert.StartsWith("max-age=", values!.Single(), StringComparison.Ordinal);
        }
    }
}
