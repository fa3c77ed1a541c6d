using System.Net;
using AngleSharp.Html.Dom;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>Turns two-factor sign-in on as a person does: reads the key off the setup page and types the phone's code.</summary>
public static class TwoFactorSetup
{
    /// <summary>Enables it for the signed-in client; the key and the recovery codes the pages showed.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var setup = await client.GetDocumentAsync("/account/twofactor/setup");
        var key = KeyOn(setup);
        var response = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key) });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Setup refused the code: {(int)response.StatusCode}");
        }
        return (key, CodesOn(await client.FollowAsync(response)));
    }

    /// <summary>The key as a person types it: the groups shown, without their spaces.</summary>
    public static string KeyOn(IHtmlDocument setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var shown = setup.QuerySelector("#authenticator-key") ?? throw new InvalidOperationException("No authenticator key on the setup page");
        return shown.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>The recovery codes a page shows, none when it shows none.</summary>
    public static List<string> CodesOn(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
    }
}
