using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class AdminImportTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    private const string Seed = "001_a23782265d60c6c6.txt";
    private const string OtherSeed = "002_bc72854ee4ca8d9f.txt";

    private static byte[] SeedBytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", name));

    // A seed made a page of its own: the store holds the seeds, and a bare copy under another name is the same page again.
    private static byte[] NewPageFrom(string seed, string tag) =>
        [.. SeedBytes(seed), .. Encoding.UTF8.GetBytes($"\n本版编号 {tag}\n")];

    [Fact]
    public async Task PreviewAll_AfterFirstStart_ReportsNoChangeForAnySeed()
    {
        using var client = factory.CreateClientAs(Roles.Admin);

        var list = await client.GetDocumentAsync("/admin/import");
        var preview = await client.GetDocumentAsync("/admin/import/preview");

        var seedRows = list.QuerySelectorAll("tr[data-file^='Seed|']").ToList();
        Assert.Equal(5, seedRows.Count);
        Assert.All(seedRows, row => Assert.Contains("已导入，无变化", row.TextContent, StringComparison.Ordinal));
        var sections = preview.QuerySelectorAll("section[data-file^='Seed|']").ToList();
        Assert.Equal(5, sections.Count);
        foreach (var section in sections)
        {
            foreach (var count in new[] { "added", "updated", "removed", "conflicts" })
            {
                Assert.Equal("0", section.QuerySelector($"[data-count='{count}']")!.TextContent);
            }
            Assert.NotEqual("0", section.QuerySelector("[data-count='unchanged']")!.TextContent);
        }
    }

    [Fact]
    public async Task ImportAll_SeedsAgain_ChangesNothingAndKeepsIds()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var before = await ArticleStatesAsync();

        var preview = await client.GetDocumentAsync("/admin/import/preview");
        // Only the seeds: uploads other tests left pending are not this test's business.
        var form = Forms.Form(preview, "main form");
        var fields = Forms.Fields(form).Where(f => f.Key != "Files" || f.Value.StartsWith("Seed|", StringComparison.Ordinal)).ToList();
        var response = await client.PostAsync(Forms.ActionOf(form), new FormUrlEncodedContent(fields));
        var run = await WaitForRunAsync(RunIdOf(response));

        Assert.Equal(ImportRunState.Succeeded, run.State);
        Assert.Equal(run.FilesTotal, run.FilesDone);
        Assert.Equal(5, run.FilesTotal);
        Assert.Equal(before, await ArticleStatesAsync());
        Assert.Equal(TestAuth.AdminName, run.StartedBy);
    }

    [Fact]
    public async Task Upload_Gb18030CopyOfASeed_PreviewsTheSameArticles()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(SeedBytes(Seed)));
        var stored = await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Issue!.SourceFileName == Seed && a.Status != ArticleStatus.Archived));

        var response = await UploadAsync(client, Seed, gb18030);
        var preview = await client.FollowAsync(response);

        var section = preview.QuerySelector($"section[data-file='Upload|{Seed}']")!;
        Assert.NotNull(section);
        Assert.Equal("0", section.QuerySelector("[data-count='added']")!.TextContent);
        Assert.Equal("0", section.QuerySelector("[data-count='updated']")!.TextContent);
        Assert.Equal("0", section.QuerySelector("[data-count='removed']")!.TextContent);
        Assert.Equal("0", section.QuerySelector("[data-count='conflicts']")!.TextContent);
        Assert.Equal(stored.ToString(System.Globalization.CultureInfo.InvariantCulture), section.QuerySelector("[data-count='unchanged']")!.TextContent);
        Assert.True(stored > 0);
    }

    [Theory]
    [InlineData("random", "无法读取该文件")]
    [InlineData("binary", "无法读取该文件")]
    [InlineData("empty", "文件是空的")]
    [InlineData("large", "10 MB")]
    [InlineData("not-text-name", ".txt")]
    public async Task Upload_UnusableFile_IsRefusedInChineseAndChangesNothing(string kind, string message)
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        var (name, bytes) = kind switch
        {
            "random" => ("random.txt", random),
            "binary" => ("binary.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }),
            "empty" => ("empty.txt", Array.Empty<byte>()),
            "large" => ("large.txt", Enumerable.Repeat((byte)'a', (10 * 1024 * 1024) + 1).ToArray()),
            _ => ("page.pdf", SeedBytes(Seed)),
        };
        var before = await StoreSnapshotAsync();
        var uploadsBefore = await FileListAsync(client);

        var response = await UploadAsync(client, name, bytes);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshotAsync());
        Assert.Equal(uploadsBefore, await FileListAsync(client));
    }

    [Fact]
    public async Task ReImport_OfAChangedUpload_KeepsIdsAndAnEditorsChange()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        const string name = "stable-ids.txt";
        var original = NewPageFrom(OtherSeed, name);
        await ImportUploadAsync(client, name, original);
        var first = await KeyedIdsAsync(name);
        Assert.NotEmpty(first);
        var edited = first.Values.First();
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == edited);
            article.Body = "编辑改过的正文，重新导入后必须还在。";
            article.EditedSinceImport = true;
            return await db.SaveChangesAsync();
        });

        var changed = original.Concat("\n\n本报讯 这是重新导入时补上的一条简讯，用来检验文章编号不变。\n"u8.ToArray()).ToArray();
        var run = await ImportUploadAsync(client, name, changed);
        var second = await KeyedIdsAsync(name);
        var body = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == edited).Select(a => a.Body).SingleAsync());

        Assert.Equal(ImportRunState.Succeeded, run.State);
        Assert.All(first, pair => Assert.Equal(pair.Value, second.GetValueOrDefault(pair.Key)));
        Assert.Equal("编辑改过的正文，重新导入后必须还在。", body);
    }

    [Fact]
    public async Task Preview_OfAReImport_SaysInChineseWhichStoriesAreAddedMergedInPlaceOrTakenDown()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        const string name = "preview-words.txt";
        var seed = Encoding.UTF8.GetString(SeedBytes(OtherSeed));
        await ImportUploadAsync(client, name, Encoding.UTF8.GetBytes(seed + "\n\n本报讯 第一次导入时页尾有这条简讯，重新导入时它已不在。\n"));
        var stored = await KeyedIdsAsync(name);
        var story = await factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == name && a.Body.Contains("看手机的时间少了")).Select(a => a.Id).SingleAsync());

        // One story's text changes, the brief at the foot goes and another comes.
        var changed = seed.Replace("看手机的时间少了", "看手机的时间更少了", StringComparison.Ordinal) + "\n\n本报讯 重新导入时页尾换成了这条新的简讯。\n";
        var preview = await client.FollowAsync(await UploadAsync(client, name, Encoding.UTF8.GetBytes(changed)));
        var section = preview.QuerySelector($"section[data-file='Upload|{name}']")!;

        Assert.Contains("重新导入此文件将", section.QuerySelector(".counts")!.TextContent, StringComparison.Ordinal);
        var added = section.QuerySelector("[data-list='added']")!;
        Assert.Contains("得到新的编号和地址", added.TextContent, StringComparison.Ordinal);
        Assert.Contains("换成了这条新的简讯", added.TextContent, StringComparison.Ordinal);
        var merged = section.QuerySelector("[data-list='updated']")!;
        Assert.StartsWith("合并", merged.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("编号和地址不变", merged.TextContent, StringComparison.Ordinal);
        var mergedLink = Assert.Single(merged.QuerySelectorAll("li a"));
        Assert.Equal($"/articles/{story}", mergedLink.GetAttribute("href"));
        var dropped = section.QuerySelector("[data-list='removed']")!;
        Assert.StartsWith("下线", dropped.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("归档而不删除", dropped.TextContent, StringComparison.Ordinal);
        Assert.Contains("第一次导入时页尾有这条简讯", dropped.TextContent, StringComparison.Ordinal);
        Assert.Contains(dropped.QuerySelectorAll("li a"), a => stored.ContainsValue(int.Parse(a.GetAttribute("href")!["/articles/".Length..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ReImport_ConflictingEdit_IsShownSideBySideAndKeptByDefault_OrReplacedWhenChosen()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        const string name = "conflict-test.txt";
        await ImportUploadAsync(client, name, "草原书屋开进牧区\n\n□本报记者 张三\n\n牧民在家门口就能借到书。\n"u8.ToArray());
        var id = await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Issue!.SourceFileName == name && a.Body.Contains("借到书"));
            article.Body = "编辑改过的正文。";
            article.EditedSinceImport = true;
            await db.SaveChangesAsync();
            return article.Id;
        });
        var changed = "草原书屋开进牧区\n\n□本报记者 张三\n\n牧民在家门口就能借到新书。\n"u8.ToArray();

        var preview = await client.FollowAsync(await UploadAsync(client, name, changed));
        var conflict = preview.QuerySelector("fieldset.conflict")!;
        Assert.NotNull(conflict);
        Assert.Contains("编辑改过的正文。", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("借到新书", conflict.TextContent, StringComparison.Ordinal);
        var kept = await WaitForRunAsync(await ConfirmAsync(client, preview));
        var keptBody = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body).SingleAsync());

        preview = await client.GetDocumentAsync($"/admin/import/preview?file={Uri.EscapeDataString("Upload|" + name)}");
        var radio = (IHtmlInputElement)preview.QuerySelector("fieldset.conflict input[value='TakeImport']")!;
        var taken = await WaitForRunAsync(await ConfirmAsync(client, preview, new Dictionary<string, string?> { [radio.Name!] = "TakeImport" }));
        var (takenBody, edited) = await factory.WithDbAsync(async db => await db.Articles.Where(a => a.Id == id).Select(a => new Tuple<string, bool>(a.Body, a.EditedSinceImport)).SingleAsync());

        Assert.Equal(ImportRunState.Succeeded, kept.State);
        Assert.Equal("编辑改过的正文。", keptBody);
        Assert.Equal(ImportRunState.Succeeded, taken.State);
        Assert.Contains("借到新书", takenBody, StringComparison.Ordinal);
        Assert.False(edited);
    }

    [Fact]
    public async Task Import_FailingHalfway_LeavesTheStoreExactlyAsBefore()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        const string name = "failure-test.txt";
        var original = NewPageFrom("003_5c64cc92b6e8f7cc.txt", name);
        await ImportUploadAsync(client, name, original);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace("。", "；", StringComparison.Ordinal));
        var preview = await client.FollowAsync(await UploadAsync(client, name, changed));
        Assert.NotEqual("0", preview.QuerySelector("[data-count='updated']")!.TextContent);
        var before = await StoreSnapshotAsync();

        factory.Failure.Armed = true;
        ImportRun run;
        try
        {
            run = await WaitForRunAsync(await ConfirmAsync(client, preview));
        }
        finally
        {
            factory.Failure.Armed = false;
        }
        var runPage = await client.GetDocumentAsync($"/admin/import/run/{run.Id}");

        Assert.True(factory.Failure.Thrown > 0);
        Assert.Equal(ImportRunState.Failed, run.State);
        Assert.Equal(before, await StoreSnapshotAsync());
        Assert.Contains("失败", runPage.QuerySelector("tr[data-file='failure-test.txt']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_ShowsProgressAndResults_AndHistoryDownloadsAsJson()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var preview = await client.GetDocumentAsync($"/admin/import/preview?file={Uri.EscapeDataString("Seed|" + Seed)}");
        var run = await WaitForRunAsync(await ConfirmAsync(client, preview));

        var page = await client.GetDocumentAsync($"/admin/import/run/{run.Id}");
        var download = await client.GetAsync(new Uri("/admin/import/history?handler=Json", UriKind.Relative));
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == run.Id);

        var progress = (IHtmlProgressElement)page.QuerySelector("progress")!;
        Assert.Equal(1, progress.Value);
        Assert.NotNull(page.QuerySelector($"tr[data-file='{Seed}']"));
        Assert.Null(page.QuerySelector("script:not([src])"));
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestAuth.AdminName, entry.GetProperty("startedBy").GetString());
        Assert.Equal(Seed, entry.GetProperty("files")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task RunPage_OfAnUnfinishedRun_ReloadsWithoutScriptAndOffersThePoller()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var id = await factory.WithDbAsync(async db =>
        {
            var queued = new ImportRun { StartedAt = DateTime.UtcNow, StartedBy = "test", State = ImportRunState.Running, FilesTotal = 4, FilesDone = 1, ArticlesDone = 12 };
            db.ImportRuns.Add(queued);
            await db.SaveChangesAsync();
            return queued.Id;
        });

        var page = await client.GetDocumentAsync($"/admin/import/run/{id}");
        var status = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/admin/import/run/{id}?handler=Status", UriKind.Relative))).RootElement;

        var progress = (IHtmlProgressElement)page.QuerySelector("progress")!;
        Assert.Equal(1, progress.Value);
        Assert.Equal(4, progress.Maximum);
        Assert.Contains("http-equiv=\"refresh\"", page.QuerySelector("noscript")!.InnerHtml, StringComparison.Ordinal);
        Assert.StartsWith("/js/import-progress.js", page.QuerySelector("script[src]")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(status.GetProperty("finished").GetBoolean());
        Assert.Equal(12, status.GetProperty("articlesDone").GetInt32());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.GetDocumentAsync("/admin/import");
        return await client.SubmitAsync(page.Form("form.upload"), files: new FormFile("Upload", name, bytes));
    }

    private static async Task<int> ConfirmAsync(HttpClient client, IHtmlDocument preview, IReadOnlyDictionary<string, string?>? values = null)
    {
        return RunIdOf(await client.SubmitAsync(Forms.Form(preview, "main form"), values));
    }

    private static int RunIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/import/run/", location, StringComparison.Ordinal);
        return int.Parse(location["/admin/import/run/".Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<ImportRun> ImportUploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var preview = await client.FollowAsync(await UploadAsync(client, name, bytes));
        var run = await WaitForRunAsync(await ConfirmAsync(client, preview));
        Assert.Equal(ImportRunState.Succeeded, run.State);
        return run;
    }

    private async Task<ImportRun> WaitForRunAsync(int id)
    {
        for (var i = 0; i < 300; i++)
        {
            var run = await factory.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id));
            if (run.State is ImportRunState.Succeeded or ImportRunState.Failed)
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"import run {id} did not finish");
    }

    private static async Task<string> FileListAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/admin/import");
        return string.Join("\n", page.QuerySelectorAll("tr[data-file]").Select(r => r.GetAttribute("data-file")));
    }

    private Task<Dictionary<string, int>> KeyedIdsAsync(string file) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == file && a.ImportKey != null && a.Status != ArticleStatus.Archived)
            .ToDictionaryAsync(a => a.ImportKey!, a => a.Id));

    private Task<string> ArticleStatesAsync() =>
        factory.WithDbAsync(async db => JsonSerializer.Serialize(await db.Articles.OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ConcurrencyStamp, a.Status, a.UpdatedAt }).ToListAsync()));

    // Every table an import writes, row by row, so "exactly as before" means exactly.
    private Task<string> StoreSnapshotAsync() => factory.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        Issues = await db.Issues.OrderBy(i => i.Id).Select(i => new { i.Id, i.SourceFileName, i.ContentHash, i.ImportedAt, i.Origin, i.Warnings, i.Unplaced }).ToListAsync(),
        Articles = await db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.ImportKey, a.Status, a.Headline, a.Body, a.ConcurrencyStamp, a.UpdatedAt, a.PagePosition, a.ImportFingerprint, a.EditedSinceImport }).ToListAsync(),
        Revisions = await db.Revisions.OrderBy(r => r.Id).Select(r => new { r.Id, r.ArticleId, r.Action }).ToListAsync(),
        People = await db.People.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(),
        Bylines = await db.ArticleBylines.OrderBy(b => b.ArticleId).ThenBy(b => b.Order).Select(b => new { b.ArticleId, b.PersonId, b.Role, b.Order }).ToListAsync(),
        Regions = await db.ArticleRegions.OrderBy(r => r.ArticleId).ThenBy(r => r.RegionId).Select(r => new { r.ArticleId, r.RegionId, r.IsPrimary, r.Order }).ToListAsync(),
        Photos = await db.Photos.OrderBy(p => p.Id).Select(p => new { p.Id, p.ArticleId, p.Caption, p.Order }).ToListAsync(),
    }));
}
