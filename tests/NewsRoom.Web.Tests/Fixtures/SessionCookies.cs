using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// The login cookie as a browser keeps it, to send again later from a client of its own: what an attacker who
/// copied it, or a browser that never saw the logout, would send.
/// </summary>
public static class SessionCookies
{
    public const string IdentityCookie = ".AspNetCore.Identity.Application";

    /// <summary>Logs in through the form; returns the client (keeping its cookies) and the login cookie it was given.</summary>
    public static async Task<(HttpClient Client, string Cookie)> LoginAsync(WebApplicationFactory<Program> factory, string email, string password, string? userAgent = null)
    {
        var client = TestClients.Anonymous(factory);
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
        using var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        }
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal));
        return (client, setCookie.Split(';')[0]);
    }

    /// <summary>GETs a page with nothing but this cookie.</summary>
    public static async Task<HttpResponseMessage> GetWithAsync(WebApplicationFactory<Program> factory, string cookie, string url)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Whether the response refuses a signed-in caller: 401/403, or a redirect to the login or denied page.</summary>
    public static bool IsRefused(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }
        return response.StatusCode == HttpStatusCode.Redirect
            && Forms.LocationOf(response) is var location
            && (location.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) || location.StartsWith("/account/denied", StringComparison.OrdinalIgnoreCase));
    }
}
