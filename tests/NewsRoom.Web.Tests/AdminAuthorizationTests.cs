using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

public class AdminAuthorizationTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    public static TheoryData<string> Pages =>
    [
        "/admin",
        "/admin/import",
        "/admin/import/preview",
        "/admin/import/preview?file=Seed%7C001_a23782265d60c6c6.txt",
        "/admin/import/run/{run}",
        "/admin/import/run/{run}?handler=Status",
        "/admin/import/history",
        "/admin/import/history?handler=Json",
        "/admin/users",
    ];

    public static TheoryData<string> Handlers =>
    [
        "/admin/import?handler=Upload",
        "/admin/import/preview",
        "/admin/users?handler=Create",
        "/admin/users?handler=ResetPassword&id=x",
        "/admin/users?handler=Lock&id=x",
        "/admin/users?handler=Unlock&id=x",
        "/admin/users?handler=SetRole&id=x",
        "/admin/users?handler=Delete&id=x",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdminPage_SendsAnonymousToLogin_RefusesEditors_AndServesAdmins(string url)
    {
        url = url.Replace("{run}", (await RunIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var anonymous = factory.CreateClientAs(null);
        using var editor = factory.CreateClientAs(Roles.Editor);
        using var admin = factory.CreateClientAs(Roles.Admin);

        var anonymousResponse = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        var editorResponse = await editor.GetAsync(new Uri(url, UriKind.Relative));
        var adminResponse = await admin.GetAsync(new Uri(url, UriKind.Relative));

        AssertRedirectedTo("/account/login", anonymousResponse);
        AssertRedirectedTo("/account/denied", editorResponse);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task AdminHandler_RefusesAnonymousAndEditors_AndAdminsWithoutAntiforgeryToken(string url)
    {
        using var anonymous = factory.CreateClientAs(null);
        using var editor = factory.CreateClientAs(Roles.Editor);
        using var admin = factory.CreateClientAs(Roles.Admin);
        var before = await factory.WithDbAsync(db => Task.FromResult((db.Users.Count(), db.ImportRuns.Count())));

        var anonymousResponse = await anonymous.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([]));
        var editorResponse = await editor.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([]));
        var adminResponse = await admin.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([]));

        AssertRedirectedTo("/account/login", anonymousResponse);
        AssertRedirectedTo("/account/denied", editorResponse);
        Assert.Equal(HttpStatusCode.BadRequest, adminResponse.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult((db.Users.Count(), db.ImportRuns.Count()))));
    }

    private static void AssertRedirectedTo(string path, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(path, response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<int> RunIdAsync()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var id = await runner.CreateAsync("test", 0);
        await runner.FinishAsync(id, CancellationToken.None);
        return id;
    }
}
