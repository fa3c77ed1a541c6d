using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests;

/// <summary>Authentication runs only for a request that carries credentials (a cookie or an Authorization header), never for an anonymous reader.</summary>
public class AuthenticationOnlyWithCredentialsTests
{
    private sealed class AuthenticationCount
    {
        public int Value;
    }

    private sealed class CountingHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationCount count)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            Interlocked.Increment(ref count.Value);
            return Task.FromResult(AuthenticateResult.NoResult());
        }
    }

    [Fact]
    public async Task Authentication_RunsOnce_ForARequestWithCredentials_AndNotForAnAnonymousReader()
    {
        var count = new AuthenticationCount();
        using var factory = new NewsRoomFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(count);
            services.AddAuthentication(options => options.DefaultAuthenticateScheme = "Counting")
                .AddScheme<AuthenticationSchemeOptions, CountingHandler>("Counting", _ => { });
        }));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        // Had WebApplication put its own authentication at the head of the pipeline, this would count one.
        Assert.True((await client.GetAsync(new Uri("/", UriKind.Relative))).IsSuccessStatusCode);
        Assert.Equal(0, count.Value);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, new Uri("/regions", UriKind.Relative));
        withCookie.Headers.Add("Cookie", "any=1");
        Assert.True((await client.SendAsync(withCookie)).IsSuccessStatusCode);
        Assert.Equal(1, count.Value);

        using var withAuthorization = new HttpRequestMessage(HttpMethod.Get, new Uri("/issues", UriKind.Relative));
        withAuthorization.Headers.Add("Authorization", "Bearer x");
        Assert.True((await client.SendAsync(withAuthorization)).IsSuccessStatusCode);
        Assert.Equal(2, count.Value);
    }
}
