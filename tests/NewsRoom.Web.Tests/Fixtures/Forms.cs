using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>A file chosen in a form's file input.</summary>
public sealed record FormFile(string Name, string FileName, byte[] Bytes, string ContentType = "text/plain");

/// <summary>
/// Pages read with AngleSharp and their forms submitted as a browser submits them: every successful control with
/// its current value (the antiforgery token among them; checked boxes and radios only; a select's selected
/// option, or its first), the values given replacing those of the same name, the pressed button's name, value and
/// formaction, and multipart bodies with their files when the form says so.
/// </summary>
public static class Forms
{
    private static readonly Uri Localhost = new("http://localhost");

    /// <summary>GETs a page and parses it; a page that does not answer 2xx fails the test.</summary>
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

    /// <summary>Parses a response; its address (which relative form actions resolve against) is the request's unless given.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var address = url is null ? response.RequestMessage?.RequestUri ?? Localhost : new Uri(Localhost, url);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(address));
        return (IHtmlDocument)document;
    }

    /// <summary>The form the selector finds; none fails the test.</summary>
    public static IHtmlFormElement Form(this IHtmlDocument document, string selector)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector} on {document.Url}");
    }

    /// <summary>
    /// The fields a browser would send: the form's successful controls, then <paramref name="values"/> replacing every
    /// field of the same name (null removes it), then the pressed button's name and value.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string?>? values = null, IHtmlElement? button = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null)
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
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    // Only the pressed button is sent; files travel as parts of a multipart body.
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
                case IHtmlSelectElement select when select.IsMultiple:
                    fields.AddRange(select.Options.Where(o => o.IsSelected && !o.IsDisabled).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlSelectElement select:
                    // A single select with nothing marked selected shows, and sends, its first option.
                    if ((select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null)) is { } option)
                    {
                        fields.Add(new(name, option.Value));
                    }
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? string.Empty));
        }
        return fields;
    }

    /// <summary>Where the form posts, as path and query: the pressed button's formaction, else the form's action, else the page itself.</summary>
    public static Uri ActionOf(IHtmlFormElement form, IHtmlElement? button = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = form.Owner?.Url is { Length: > 0 } url ? new Uri(url) : Localhost;
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action") ?? string.Empty;
        return new Uri(new Uri(page, action).PathAndQuery, UriKind.Relative);
    }

    /// <summary>Submits a form: url-encoded, or multipart with <paramref name="files"/> when its enctype says so.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string?>? values = null, IHtmlElement? button = null, params FormFile[] files)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var fields = Fields(form, values, button);
        var action = ActionOf(form, button);
        var enctype = button?.GetAttribute("formenctype") ?? form.GetAttribute("enctype");
        if (string.Equals(enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                multipart.Add(new StringContent(value), key);
            }
            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Bytes);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
                multipart.Add(part, file.Name, file.FileName);
            }
            return await client.PostAsync(action, multipart);
        }
        if (files.Length > 0)
        {
            throw new InvalidOperationException($"The form posting to {action} is not multipart and cannot send files");
        }
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>GETs the page, fills the form found by <paramref name="formSelector"/> and submits it, pressing the button found by <paramref name="buttonSelector"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formSelector, IReadOnlyDictionary<string, string?>? values = null, string? buttonSelector = null)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.Form(formSelector);
        var button = buttonSelector is null ? null : page.QuerySelector<IHtmlElement>(buttonSelector) ?? throw new InvalidOperationException($"No {buttonSelector} on {url}");
        return await client.SubmitAsync(form, values, button);
    }

    /// <summary>Follows the redirect a POST answered with, as the browser does, and parses where it leads.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}");
        }
        return await client.GetDocumentAsync(LocationOf(response));
    }

    /// <summary>Where a redirect points, as path and query, whether the header was absolute or relative.</summary>
    public static string LocationOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
