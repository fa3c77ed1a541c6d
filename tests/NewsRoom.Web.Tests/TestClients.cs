using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Clients for the tests: anonymous, or logged in through the real login form (antiforgery included), and
/// forms read and submitted the way a browser does.
/// </summary>
public static class TestClients
{
    public const string EditorPassword = "Editor-Passw0rd";

    /// <summary>An anonymous client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public static HttpClient Anonymous(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The first admin, logged in.</summary>
    public static Task<HttpClient> AdminAsync(WebApplicationFactory<Program> factory) =>
        LoginAsync(factory, NewsRoomFactory.AdminEmail, NewsRoomFactory.AdminPassword);

    /// <summary>An editor (created through UserManager when missing), logged in.</summary>
    public static async Task<HttpClient> EditorAsync(WebApplicationFactory<Program> factory, string email = "editor@test.local")
    {
        await EnsureUserAsync(factory, email, EditorPassword, Roles.Editor);
        return await LoginAsync(factory, email, EditorPassword);
    }

    /// <summary>Creates an account with a role unless it exists.</summary>
    public static async Task EnsureUserAsync(WebApplicationFactory<Program> factory, string email, string password, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>Logs in through /account/login; the client keeps the cookie and does not follow redirects.</summary>
    public static async Task<HttpClient> LoginAsync(WebApplicationFactory<Program> factory, string email, string password)
    {
        var client = Anonymous(factory);
        var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>Where a redirect points, as path and query, whether the header was absolute or relative.</summary>
    public static string LocationOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>GETs a page and parses it.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}");
        }
        return await ParseAsync(response, url);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, string url)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(new Uri(new Uri("http://localhost"), url)));
        return (IHtmlDocument)document;
    }

    /// <summary>GETs the page, fills the form found by <paramref name="formSelector"/> and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formSelector, IReadOnlyDictionary<string, string?> values, string? buttonSelector = null)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {url}");
        return await client.SubmitAsync(form, values, buttonSelector is null ? null : page.QuerySelector<IHtmlElement>(buttonSelector));
    }

    /// <summary>
    /// Submits a form as a browser would: every successful control with its current value (the antiforgery token
    /// among them), the values given replacing those of the same name, and the pressed button's name and formaction.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string?> values, IHtmlElement? button = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var fields = FormFields(form).Where(f => !values.ContainsKey(f.Key)).ToList();
        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)));
        if (button?.GetAttribute("name") is string buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? string.Empty));
        }
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action))
        {
            action = new Uri(form.Owner!.Url).PathAndQuery;
        }
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>The controls a browser would send, with their current values.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null)
                    {
                        fields.Add(new(name, selected.Value));
                    }
                    break;
            }
        }
        return fields;
    }
}
