using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Hosting;

/// <summary>
/// Which X-Forwarded-* headers are believed, and from whom: by default only from loopback (a TLS proxy on this
/// machine); <see cref="NewsRoomOptions.TrustedProxies"/> names other proxies, by address or network.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddNewsRoomForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NewsRoomOptions>>((options, newsRoom) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            var trusted = newsRoom.Value.TrustedProxies;
            if (trusted.Count == 0)
            {
                return;
            }
            // The list replaces the loopback default, so a site behind a remote proxy trusts that proxy alone.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in trusted)
            {
                if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else
                {
                    throw new OptionsValidationException(NewsRoomOptions.Section, typeof(NewsRoomOptions), [$"NewsRoom:TrustedProxies: \"{entry}\" is neither an address nor a network"]);
                }
            }
        });
        return services;
    }
}
