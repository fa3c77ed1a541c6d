using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// Signs requests in without the login page: a request carrying "Authorization: Test email|Role,Role" is
/// authenticated as that user; one without it stays anonymous, so the app's own cookie challenge still sends it
/// to the login page and its forbid to the denied page. The Authorization header, because the site authenticates
/// only requests that carry a Cookie or Authorization header (WebApplicationExtensions.MaySignIn).
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(SchemeName + " ", StringComparison.Ordinal)
            || authorization[(SchemeName.Length + 1)..].Split('|') is not [var name, var roles])
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        claims.AddRange(roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

public static class TestAuth
{
    public const string AdminName = "admin-test@newsroom.local";
    public const string EditorName = "editor-test@newsroom.local";

    /// <summary>Authenticates with the test scheme; challenge and forbid stay the app's cookie redirects.</summary>
    public static IServiceCollection AddTestAuth(this IServiceCollection services)
    {
        services.AddAuthentication(options => options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
        return services;
    }

    /// <summary>The factory with the test sign-in; for classes that don't need their own factory.</summary>
    public static WebApplicationFactory<Program> WithTestAuth(this WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddTestAuth()));

    /// <summary>A client that does not follow redirects, signed in as an admin, an editor, or nobody (null).</summary>
    public static HttpClient CreateClientAs(this WebApplicationFactory<Program> factory, string? role)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var user = role switch
        {
            Roles.Admin => $"{AdminName}|{Roles.Admin},{Roles.Editor}",
            Roles.Editor => $"{EditorName}|{Roles.Editor}",
            null => null,
            _ => $"{role}@newsroom.local|{role}",
        };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(TestAuthHandler.SchemeName, user);
        }
        return client;
    }
}
