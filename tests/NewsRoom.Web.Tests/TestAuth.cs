using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests;

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

/// <summary>Reads pages with AngleSharp and submits their forms as a browser would, antiforgery token and all.</summary>
public static class Html
{
    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    public static IHtmlFormElement Form(IHtmlDocument document, string selector) =>
        document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form {selector}");

    /// <summary>The form's fields as a browser would send them (checked radios only), with some values replaced.</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "file" or "button"):
                    if (input.Type is "radio" or "checkbox" && !input.IsChecked)
                    {
                        continue;
                    }
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                default:
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return fields;
    }

    // On Linux a rooted path parses as an absolute file: URI, so only a real http(s) address is cut to its path.
    public static Uri ActionOf(IHtmlFormElement form) =>
        Uri.TryCreate(form.Action, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? new Uri(absolute.PathAndQuery, UriKind.Relative)
            : new Uri(form.Action, UriKind.Relative);

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null) =>
        client.PostAsync(ActionOf(form), new FormUrlEncodedContent(Fields(form, values)));

    /// <summary>Follows one redirect, as the browser does after a POST.</summary>
    public static async Task<IHtmlDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return await GetAsync(client, response.Headers.Location!.OriginalString);
    }
}
