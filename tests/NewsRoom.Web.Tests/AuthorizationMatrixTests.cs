using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Every route of the app (from its endpoint list, so a new page is in the matrix the day it is added) called as
/// anonymous, editor and admin; what each may do follows from the path: /editor for editors and admins,
/// /admin for admins, the rest public.
/// </summary>
public partial class AuthorizationMatrixTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private enum Caller
    {
        Anonymous,
        Editor,
        Admin,
    }

    // Pages whose status is their message: the refusal page and the error page (filled with code 404).
    private static readonly Dictionary<string, int> StatusPages = new()
    {
        ["/account/denied"] = 403,
        ["/error/{code:int?}"] = 404,
    };

    [Fact]
    public async Task EndpointList_HoldsThePagesHandlersAndMinimalEndpoints()
    {
        var routes = (await AppEndpoints.ListAsync(factory.Services)).Select(r => r.ToString()).ToList();

        // Landmarks of each kind, so an enumeration that silently lost a kind cannot pass the matrix.
        Assert.Contains("GET /", routes);
        Assert.Contains("POST /editor/articles/{id:int}?handler=Save", routes);
        Assert.Contains("POST /admin/users?handler=Delete", routes);
        Assert.Contains("GET /admin/import/history?handler=Json", routes);
        Assert.Contains("GET /admin/backup", routes);
        Assert.Contains("GET /feed.xml", routes);
        Assert.Contains("GET /healthz", routes);
    }

    [Fact]
    public async Task EveryEndpointUnderAProtectedFolder_RequiresItsRoleInItsMetadata()
    {
        var routes = await AppEndpoints.ListAsync(factory.Services);

        var unprotected = routes.Where(r => !AppEndpoints.IsProtectedAsItsFolder(r))
            .Select(r => $"{r} asks for [{string.Join(", ", r.Requirements)}] but its path says {r.Audience}")
            .ToList();

        Assert.True(routes.Any(r => r.Audience == Audience.Admin) && routes.Any(r => r.Audience == Audience.Editor));
        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachCallerAsItsAudienceRequires()
    {
        var routes = await AppEndpoints.ListAsync(factory.Services);
        var samples = await SamplesAsync();
        using var anonymous = TestClients.Anonymous(factory);
        using var editor = await TestClients.EditorAsync(factory);
        using var admin = await TestClients.AdminAsync(factory);
        var clients = new Dictionary<Caller, HttpClient> { [Caller.Anonymous] = anonymous, [Caller.Editor] = editor, [Caller.Admin] = admin };

        var covered = new HashSet<string>();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = Fill(route, samples);
            foreach (var (caller, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
                if (route.Method != "GET")
                {
                    // No antiforgery token: a caller let through meets the antiforgery check (400), never the action.
                    request.Content = new FormUrlEncodedContent([]);
                }
                using var response = await client.SendAsync(request);
                var problem = Judge(route, caller, response);
                if (problem is not null)
                {
                    failures.Add($"{caller} {route.Method} {url}: {problem}");
                }
            }
            covered.Add(route.ToString());
        }

        Assert.Equal(routes.Select(r => r.ToString()).ToHashSet(), covered);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Judge(AppRoute route, Caller caller, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found ? Forms.LocationOf(response) : string.Empty;
        var toLogin = location.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase);
        if (StatusPages.TryGetValue(route.Template, out var expected))
        {
            return status == expected && !toLogin ? null : $"expected {expected}, got {status} {location}";
        }
        var denied = status is 401 or 403 || toLogin || location.StartsWith("/account/denied", StringComparison.OrdinalIgnoreCase);
        if (status >= 500)
        {
            return $"server error {status}";
        }
        var allowed = route.Audience switch
        {
            Audience.Public => true,
            Audience.SignedIn or Audience.Editor => caller != Caller.Anonymous,
            _ => caller == Caller.Admin,
        };
        if (!allowed)
        {
            if (caller == Caller.Anonymous && !toLogin)
            {
                return $"expected a redirect to the login page, got {status} {location}";
            }
            return denied ? null : $"expected to be denied, got {status} {location}";
        }
        if (denied)
        {
            return $"expected to be let in, got {status} {location}";
        }
        if (route.Method == "GET")
        {
            return status is >= 200 and < 400 ? null : $"expected the page, got {status}";
        }
        return status == 400 || route.IgnoresAntiforgery ? null : $"expected 400 for a POST without antiforgery token, got {status}";
    }

    private sealed record Samples(int ArticleId, int IssueId, int PersonId, string RegionSlug, int ImportRunId, string PaperSlug);

    /// <summary>Real ids from the store for the route parameters: an article of this test's own, with its issue, person and region.</summary>
    private Task<Samples> SamplesAsync() => factory.WithDbAsync(async db =>
    {
        var slug = await db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder).Select(r => r.Slug).FirstAsync();
        var issueId = await ReaderTestData.CreateIssueAsync(db, "矩阵测试报");
        var article = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("矩阵"), regions: [slug], bylines: [(ReaderTestData.Unique("矩阵记者"), BylineRole.Reporter)], issueId: issueId, pagePosition: 1);
        var run = new ImportRun { StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, StartedBy = "matrix", DryRun = true, State = ImportRunState.Succeeded };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();
        var paperSlug = await db.Issues.Where(i => i.Id == issueId).Select(i => i.Edition.Paper.Slug).SingleAsync();
        return new Samples(article.Id, issueId, article.Bylines[0].PersonId, slug, run.Id, paperSlug);
    });

    private static string Fill(AppRoute route, Samples samples)
    {
        var path = RouteParameter().Replace(route.Template, match =>
        {
            var name = match.Groups["name"].Value;
            var optional = match.Groups["optional"].Success;
            return (name, FirstSegment(route.Template)) switch
            {
                ("id", "articles" or "editor") => samples.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ("id", "issues") => samples.IssueId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ("id", "admin") when route.Template.StartsWith("/admin/pages/", StringComparison.Ordinal) => samples.IssueId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ("paper", "papers") => samples.PaperSlug,
                ("day", "papers") => "2025-06-02",
                ("printedpage", "papers") => $"id-{samples.IssueId}",
                ("id", "people") => samples.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ("id", "admin") => samples.ImportRunId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ("slug", "regions") => samples.RegionSlug,
                ("code", "error") => "404",
                ("number", "sitemaps") => "1",
                _ when optional => string.Empty,
                _ => throw new InvalidOperationException($"No sample value for {{{name}}} in {route.Template}: give the matrix one."),
            };
        });
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        return route.Handler is null ? path : $"{path}?handler={route.Handler}";
    }

    private static string FirstSegment(string template) => template.TrimStart('/').Split('/')[0];

    [GeneratedRegex(@"\{(?<name>[A-Za-z_]+)(:[^}?]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();
}
