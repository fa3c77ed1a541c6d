using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The same page is one page (a renamed, GB18030 or UTF-16 copy changes nothing), and an admin's filing of a page moves it
/// with every story id kept.
/// </summary>
public sealed class EditionFilingTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    // 北方新报 of 1 July 2022: its masthead says paper and day, not its 版次, so a copy is known by its text.
    private const string DatedSeed = "004_2aca70f694a15d08.txt";

    // 呼和浩特日报 without a day.
    private const string UndatedSeed = "002_bc72854ee4ca8d9f.txt";

    private static byte[] SeedBytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", name));

    private static byte[] Recoded(string name, Encoding encoding) =>
        [.. encoding.GetPreamble(), .. encoding.GetBytes(Encoding.UTF8.GetString(SeedBytes(name)))];

    private async Task<T> WithImporterAsync<T>(Func<IssueImporter, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IssueImporter>());
    }

    [Fact]
    public async Task SamePage_AsRenamedGb18030AndUtf16Copies_IsUnchanged_AndStoresNoSecondCopy()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());
        var original = await factory.WithDbAsync(db => db.Issues.Where(i => i.SourceFileName == DatedSeed).Select(i => i.Id).SingleAsync());
        (string Name, byte[] Bytes)[] copies =
        [
            ("DEV04.txt", SeedBytes(DatedSeed)),
            ("DEV04-gb18030.txt", Recoded(DatedSeed, Encoding.GetEncoding("GB18030"))),
            ("DEV04-utf16.txt", Recoded(DatedSeed, Encoding.Unicode)),
        ];

        foreach (var (name, bytes) in copies)
        {
            var source = new ImportSource(name, bytes, IssueOrigin.Upload);
            var plan = await WithImporterAsync(importer => importer.PlanAsync(source));
            var result = await WithImporterAsync(importer => importer.ImportAsync(new ImportSource(name, bytes, IssueOrigin.Upload), "test"));

            Assert.Equal((FileImportState.Unchanged, DatedSeed, original), (plan.State, plan.CopyOf, plan.IssueId!.Value));
            Assert.Equal((0, 0, original), (result.Added, result.Updated, result.IssueId!.Value));
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Issues.AnyAsync(i => i.SourceFileName.StartsWith("DEV04"))));
    }

    [Fact]
    public async Task SamePage_UploadedUnderAnotherName_ShowsUnchangedInThePreview()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var client = factory.CreateClientAs(Roles.Admin);
        var upload = await client.GetDocumentAsync("/admin/import");

        using var response = await client.SubmitAsync(upload.Form("form.upload"),
            files: new FormFile("Upload", "呼和浩特日报副本.txt", Recoded(UndatedSeed, Encoding.GetEncoding("GB18030"))));
        var preview = await client.FollowAsync(response);
        var section = preview.QuerySelector("section[data-file]")!;

        Assert.Equal(UndatedSeed, section.QuerySelector("[data-copy-of]")?.GetAttribute("data-copy-of"));
        Assert.Equal("0", section.QuerySelector("[data-count=added]")!.TextContent);
        Assert.NotEqual("0", section.QuerySelector("[data-count=unchanged]")!.TextContent);
        Assert.Contains("未变", section.QuerySelector(".counts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("已导入，无变化", section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminFiling_OfAnUndatedPage_MovesItToItsDayAndPage_AndKeepsEveryStoryId()
    {
        var (pageId, stories) = await factory.WithDbAsync(async db =>
        {
            var page = await db.Issues.Where(i => i.SourceFileName == UndatedSeed).Select(i => new { i.Id, i.Edition.Paper.Slug }).SingleAsync();
            return (page.Id, await db.Articles.Where(a => a.IssueId == page.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        });
        using var admin = factory.CreateClientAs(Roles.Admin);
        using var reader = factory.CreateClientAs(null);
        var undatedAddress = $"/papers/huhehaote-ribao/undated/id-{pageId}";
        // Cached before the filing: the filing must evict it.
        await reader.GetDocumentAsync(undatedAddress);

        using var saved = await admin.SubmitAsync($"/admin/pages/{pageId}", "main form", new Dictionary<string, string?>
        {
            ["Input.Paper"] = "呼和浩特日报",
            ["Input.Date"] = "2024-05-21",
            ["Input.PageNumber"] = "3",
            ["Input.PageName"] = "要闻",
        });
        var after = await admin.FollowAsync(saved);

        Assert.Contains("已重新归档", after.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.PageRefiled && e.Target!.StartsWith($"版面 #{pageId}（")).ToListAsync());
        Assert.Equal(TestAuth.AdminName, Assert.Single(audited).Actor);
        Assert.EndsWith("→ 呼和浩特日报 2024年5月21日 第3版 要闻", audited[0].Summary, StringComparison.Ordinal);
        var page = await reader.GetDocumentAsync("/papers/huhehaote-ribao/2024-05-21/3");
        Assert.Contains("第3版 要闻", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(stories.Select(id => $"/articles/{id}").Order(), page.QuerySelectorAll("ol.printed h2 a").Select(a => a.GetAttribute("href")!).Order());
        Assert.Equal(stories, await factory.WithDbAsync(db => db.Articles.Where(a => a.IssueId == pageId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync()));
        using var oldAddress = await reader.GetAsync(new Uri(undatedAddress, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, oldAddress.StatusCode);
        using var issue = await reader.GetAsync(new Uri($"/issues/{pageId}", UriKind.Relative));
        Assert.Equal("/papers/huhehaote-ribao/2024-05-21/3", Forms.LocationOf(issue));
        var story = await reader.GetDocumentAsync($"/articles/{stories[0]}");
        Assert.Equal("呼和浩特日报 2024年5月21日 第3版", story.QuerySelector("a.printed-on")!.TextContent.Trim());
        Assert.Contains("\"datePublished\":\"2024-05-21\"", story.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"printPage\":\"3\"", story.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);

        // A re-import of the page keeps the admin's filing: the page itself still says no day.
        var reimport = await WithImporterAsync(importer => importer.PlanAsync(new ImportSource(UndatedSeed, SeedBytes(UndatedSeed), IssueOrigin.Seed)));
        Assert.Equal((FileImportState.Unchanged, new DateOnly(2024, 5, 21)), (reimport.State, reimport.Filing!.Date!.Value));
    }

    [Fact]
    public async Task AdminFiling_OntoATakenPage_IsRefused_AndChangesNothing()
    {
        var (taken, other) = await factory.WithDbAsync(async db =>
        {
            var paper = ReaderTestData.Unique("版次报");
            var first = await ReaderTestData.CreateIssueAsync(db, paper, new DateOnly(2025, 1, 2), 1);
            var second = await ReaderTestData.CreateIssueAsync(db, paper, new DateOnly(2025, 1, 2), 2);
            return (first, second);
        });
        var paperName = await factory.WithDbAsync(db => db.Issues.Where(i => i.Id == taken).Select(i => i.Edition.Paper.Name).SingleAsync());
        using var admin = factory.CreateClientAs(Roles.Admin);

        using var response = await admin.SubmitAsync($"/admin/pages/{other}", "main form", new Dictionary<string, string?>
        {
            ["Input.Paper"] = paperName,
            ["Input.Date"] = "2025-01-02",
            ["Input.PageNumber"] = "1",
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已有第1版", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Issues.Where(i => i.Id == other).Select(i => i.PageNumber).SingleAsync()));
    }
}
