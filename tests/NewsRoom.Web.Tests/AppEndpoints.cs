using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsRoom.Web.Accounts;

namespace NewsRoom.Web.Tests;

/// <summary>Who an address is for, read from its path: the folders are the audiences.</summary>
public enum Audience
{
    Public,
    SignedIn,
    Editor,
    Admin,
}

/// <summary>One way to call the app: a route, a method and, for a Razor page, the handler with the policy it carries ([HandlerPolicy]).</summary>
public sealed record AppRoute(string Template, string Method, string? Handler, Endpoint Endpoint, string? HandlerPolicy = null)
{
    public bool IsPage => Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    public override string ToString() => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>From the path prefix; outside the protected folders a page may still ask for a signed-in user itself.</summary>
    public Audience Audience =>
        HasPrefix(Template, "/admin") ? Audience.Admin
        : HasPrefix(Template, "/editor") ? Audience.Editor
        : RequiresAuthorization ? Audience.SignedIn
        : Audience.Public;

    public bool RequiresAuthorization =>
        Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>The policies and roles the endpoint's metadata asks for.</summary>
    public IReadOnlyList<string> Requirements =>
        Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => new[] { a.Policy, a.Roles }).OfType<string>().ToList();

    public bool IgnoresAntiforgery => Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.ViewFeatures.IAntiforgeryPolicy>() is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute;

    private static bool HasPrefix(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Every route the app answers, read from its own endpoint list: Razor pages with each handler method
/// (OnPostSave becomes POST ?handler=Save) and the minimal endpoints (feeds, health, backup).
/// </summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlyList<AppRoute>> ListAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }
            // Routes are matched case-insensitively and written lowercase (LowercaseUrls), as the tests write them.
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').ToLowerInvariant();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods
                    .Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name, Policy: h.MethodInfo.GetCustomAttributes(typeof(HandlerPolicyAttribute), inherit: true).Cast<HandlerPolicyAttribute>().FirstOrDefault()?.Policy))
                    .Distinct().ToList();
                // A page without a GET handler still renders on GET.
                if (!handlers.Any(h => h.Method == HttpMethods.Get && h.Name is null))
                {
                    handlers.Add((HttpMethods.Get, null, null));
                }
                routes.AddRange(handlers.Select(h => new AppRoute(template, h.Method, h.Name, endpoint, h.Policy)));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
                // HEAD mirrors GET; every other method is a route of its own.
                routes.AddRange(methods.Where(m => m != HttpMethods.Head).Select(m => new AppRoute(template, m, null, endpoint)));
            }
        }
        return routes.DistinctBy(r => r.ToString()).OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the endpoint's metadata asks for at least the role its folder stands for.</summary>
    public static bool IsProtectedAsItsFolder(AppRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Audience switch
        {
            Audience.Admin => route.RequiresAuthorization && route.Requirements.Contains(Roles.Admin) && !route.Requirements.Contains(Roles.Editor),
            Audience.Editor => route.RequiresAuthorization && route.Requirements.Any(r => r is Policies.Desk or Roles.Editor or Roles.Admin),
            _ => true,
        };
    }
}
