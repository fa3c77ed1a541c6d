using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// TestServer gives no client address and ForwardedHeadersMiddleware believes anyone it cannot place, so these tests
/// set the address a real server would report (from a test-only header, before the app's pipeline) and
/// check the trust boundary for real.
/// </summary>
public class ProxyAwareFactory : NewsRoomFactory
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>());
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                    context.Request.Headers.Remove(RemoteAddressHeader);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class RemoteProxyFactory : ProxyAwareFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsRoom:TrustedProxies:0", "10.1.0.0/16");
    }
}

/// <summary>A site whose operator named the TLS proxy on its own machine: loopback, both families.</summary>
public sealed class LoopbackProxyFactory : ProxyAwareFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsRoom:TrustedProxies:0", "127.0.0.1");
        builder.UseSetting("NewsRoom:TrustedProxies:1", "::1");
    }
}
