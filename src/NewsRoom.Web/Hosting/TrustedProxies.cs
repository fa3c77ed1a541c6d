using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Hosting;

/// <summary>
/// Which X-Forwarded-* headers are believed, and from whom: only from the proxies <see cref="NewsRoomOptions.TrustedProxies"/>
/// names, by address or network; none by default, not even loopback. Believing loopback would let anyone who can
/// reach the site from this machine (another program, a local user, a server-side fetch) claim any client address
/// and so step past the per-address login limits.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddNewsRoomForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NewsRoomOptions>>((options, newsRoom) =>
        {
            // The framework's default list holds loopback; the operator's list replaces it.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            var trusted = newsRoom.Value.TrustedProxies;
            if (trusted.Count == 0)
            {
                // With both lists empty the middleware would believe every sender, so it is told to read no header.
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
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
