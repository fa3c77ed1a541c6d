using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Every route of the app (from its endpoint list, so a new page is in the matrix the day it is added) called as
/// anonymous and as each of the four roles; what each may do follows from the path and the handler: /editor opens to
/// every role (a reporter only to their own drafts) with each handler asking for its own policy ([HandlerPolicy]),
/// /admin is for admins, the rest public. POSTs are sent without an antiforgery token (a caller let through meets 400)
/// and again, for the desk's handlers, with a valid one, so the handler's own refusal is what answers.
/// </summary>
public partial class AuthorizationMatrixTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    /// <summary>The callers, least trusted first: each role is admitted wherever a lower one is.</summary>
    private enum Caller
    {
        Anonymous,
        Reporter,
        Editor,
        ChiefEditor,
        Admin,
    }

    private const string ReporterEmail = "matrix-reporter@test.local";

    private static Caller RankOf(string policy) => policy switch
    {
        Policies.Desk => Caller.Reporter,
        Policies.Editor => Caller.Editor,
        Policies.ChiefEditor => Caller.ChiefEditor,
        Policies.Admin => Caller.Admin,
        _ => throw new InvalidOperationException($"Unknown policy {policy}"),
    };

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
        var clients = await ClientsAsync();

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
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task EveryDeskHandler_CarriesThePolicyItNeeds()
    {
        var routes = await AppEndpoints.ListAsync(factory.Services);

        var unmarked = routes.Where(r => r.Audience == Audience.Editor && r.IsPage && r.HandlerPolicy is null).Select(r => r.ToString()).ToList();

        Assert.Empty(unmarked);
        // The steps readers see the result of are the chief editor's alone.
        Assert.Equal(Policies.ChiefEditor, routes.Single(r => r.ToString() == "POST /editor/articles/{id:int}?handler=Publish").HandlerPolicy);
        Assert.Equal(Policies.ChiefEditor, routes.Single(r => r.ToString() == "POST /editor/articles/{id:int}?handler=Schedule").HandlerPolicy);
        Assert.Equal(Policies.Editor, routes.Single(r => r.ToString() == "POST /editor/articles/{id:int}?handler=PassFirstReview").HandlerPolicy);
        Assert.Equal(Policies.Desk, routes.Single(r => r.ToString() == "POST /editor/articles/{id:int}?handler=Submit").HandlerPolicy);
    }

    /// <summary>
    /// Each desk handler posted as each role with the role's own valid antiforgery token, on a draft the reporter wrote
    /// (so a reporter's refusal is the handler's, not the ownership rule's): a role below the handler's policy gets
    /// 403 and nothing changes; a role at or above it gets past the check (a redirect, the form again, or a conflict).
    /// </summary>
    [Fact]
    public async Task EveryDeskHandler_PostedWithAValidToken_RefusesTheRolesBelowItsPolicy()
    {
        var routes = (await AppEndpoints.ListAsync(factory.Services))
            .Where(r => r.Audience == Audience.Editor && r.Method == "POST" && r.HandlerPolicy is not null)
            .ToList();
        var clients = await ClientsAsync();
        clients.Remove(Caller.Anonymous, out var anonymous);
        anonymous!.Dispose();
        Assert.Contains(routes, r => r.Handler == "Publish");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (caller, client) in clients)
            {
                var draft = await ReporterDraftAsync();
                var form = await EditorWorkflowTests.FormAsync(client, draft.Id);
                var url = RouteParameter().Replace(route.Template, draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using var content = new FormUrlEncodedContent(Forms.Fields(form));
                using var response = await client.PostAsync(new Uri($"{url}?handler={route.Handler}", UriKind.Relative), content);
                var status = (int)response.StatusCode;
                var below = caller < RankOf(route.HandlerPolicy!);
                if (below && status != 403)
                {
                    failures.Add($"{caller} {route}: expected 403, got {status}");
                }
                else if (below && await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == draft.Id).Select(a => a.ConcurrencyStamp).SingleAsync()) != draft.Stamp)
                {
                    failures.Add($"{caller} {route}: refused, yet the story changed");
                }
                else if (!below && status is 400 or 403 or >= 500)
                {
                    failures.Add($"{caller} {route}: expected to be let through, got {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task AReporter_OpensTheirOwnDraft_ButNotAnothersStory_NorTheirOwnOnceSubmitted()
    {
        using var reporter = await TestClients.ReporterAsync(factory, ReporterEmail);
        var own = await ReporterDraftAsync();
        var others = await factory.WithDbAsync(db => db.Articles.Where(a => a.CreatedBy != ReporterEmail).Select(a => a.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync(new Uri($"/editor/articles/{own.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri($"/editor/articles/{others}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri($"/editor/articles/{others}/history", UriKind.Relative))).StatusCode);

        var submitted = await EditorWorkflowTests.PressAsync(reporter, own.Id, "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri($"/editor/articles/{own.Id}", UriKind.Relative))).StatusCode);
    }

    private async Task<Dictionary<Caller, HttpClient>> ClientsAsync() => new()
    {
        [Caller.Anonymous] = TestClients.Anonymous(factory),
        [Caller.Reporter] = await TestClients.ReporterAsync(factory, ReporterEmail),
        [Caller.Editor] = await TestClients.EditorAsync(factory),
        [Caller.ChiefEditor] = await TestClients.ChiefEditorAsync(factory),
        [Caller.Admin] = await TestClients.AdminAsync(factory),
    };

    /// <summary>A fresh draft written by the matrix's reporter, with the stamp it has now.</summary>
    private Task<(int Id, Guid Stamp)> ReporterDraftAsync() => factory.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var draft = new Article { Headline = ReaderTestData.Unique("记者草稿"), Body = "正文。", Status = ArticleStatus.Draft, CreatedBy = ReporterEmail, CreatedAt = now, UpdatedAt = now };
        db.Articles.Add(draft);
        await db.SaveChangesAsync();
        return (draft.Id, draft.ConcurrencyStamp);
    });

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
            Audience.SignedIn => caller != Caller.Anonymous,
            // A POST without a token meets the antiforgery check before the handler's own (the token matrix below
            // checks that); a GET meets the handler's policy, and a reporter reaches no story but their own drafts.
            Audience.Editor => caller >= (route.Method == "GET" && route.HandlerPolicy is { } policy ? RankOf(policy) : Caller.Reporter)
                && !(caller == Caller.Reporter && route.Method == "GET" && route.Template.Contains("{id", StringComparison.Ordinal)),
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
