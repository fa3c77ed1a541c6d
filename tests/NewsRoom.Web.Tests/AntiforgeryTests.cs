using System.Net;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>Every POST the app takes, from its endpoint list, refuses a form without the antiforgery token.</summary>
public class AntiforgeryTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    // Error pages are re-executed for failed POSTs; they only describe the error, so they take any method.
    private static readonly string[] ExemptFromAntiforgery = ["/error/{code:int?}"];

    // Pages that turn the filter off to check the token themselves (logout: only when a session is left to end); they
    // still have to refuse this signed-in admin's tokenless post below.
    private static readonly string[] CheckTheirOwnToken = ["/account/logout"];

    [Fact]
    public async Task EveryPostHandler_WithoutTheToken_Gets400_EvenForAnAdmin()
    {
        var posts = (await AppEndpoints.ListAsync(factory.Services)).Where(r => r.Method != "GET").ToList();
        var articleId = await factory.WithDbAsync(db => db.Articles.Select(a => a.Id).FirstAsync());
        using var admin = await TestClients.AdminAsync(factory);

        var failures = new List<string>();
        foreach (var route in posts)
        {
            if (!route.IsPage)
            {
                failures.Add($"{route}: a minimal endpoint taking {route.Method} has no antiforgery check of its own");
                continue;
            }
            if (route.IgnoresAntiforgery && !CheckTheirOwnToken.Contains(route.Template))
            {
                if (!ExemptFromAntiforgery.Contains(route.Template))
                {
                    failures.Add($"{route}: ignores antiforgery");
                }
                continue;
            }
            var path = route.Template.Replace("{id:int}", articleId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var url = route.Handler is null ? path : $"{path}?handler={route.Handler}";
            using var content = new FormUrlEncodedContent([new("Input.Headline", "无令牌"), new("id", "1")]);
            using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{route.Method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Contains(posts, r => r.Handler == "Save");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task APost_WithTheTokenFromTheForm_IsAccepted()
    {
        // The other half of the test above: the same client is let through once it sends the token.
        using var admin = await TestClients.AdminAsync(factory);

        using var response = await admin.SubmitAsync("/account/logout", "main form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
