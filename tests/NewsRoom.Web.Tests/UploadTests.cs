using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace NewsRoom.Web.Tests;

/// <summary>The upload form: several files at once, names too long or with characters a file name should not have.</summary>
public class UploadTests(AdminFactory factory, ITestOutputHelper output) : IClassFixture<AdminFactory>
{
    private const string Seed = "003_5c64cc92b6e8f7cc.txt";

    private static byte[] SeedBytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", name));

    [Fact]
    public async Task Upload_OfSeveralFilesAtOnce_KeepsEveryOne_AndPreviewsThemTogether()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        string[] names = ["several-a.txt", "several-b.txt", "several-c.txt"];

        using var response = await UploadAsync(client, names.Select(n => new FormFile("Upload", n, SeedBytes(Seed))).ToArray());
        var preview = await client.FollowAsync(response);

        Assert.Equal(names.Select(n => "Upload|" + n), preview.QuerySelectorAll("section[data-file]").Select(s => s.GetAttribute("data-file")));
        var listed = await FileListAsync(client);
        Assert.All(names, n => Assert.Contains("Upload|" + n, listed));
    }

    [Fact]
    public async Task Upload_OfSeveralFiles_OneOfThemRefused_KeepsNone_AndNamesTheRefusedOne()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var before = await FileListAsync(client);

        using var response = await UploadAsync(client,
            new FormFile("Upload", "together-a.txt", SeedBytes(Seed)),
            new FormFile("Upload", "together-b.pdf", SeedBytes(Seed)));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("together-b.pdf：只能上传 .txt", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await FileListAsync(client));
    }

    [Theory]
    [InlineData(300, 'a')]
    [InlineData(300, '长')]
    [InlineData(83, '长')]
    public async Task Upload_WithAVeryLongName_IsToldTheNameIsTooLong(int length, char letter)
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var before = await FileListAsync(client);

        using var response = await UploadAsync(client, new FormFile("Upload", new string(letter, length - 4) + ".txt", SeedBytes(Seed)));
        var errors = (await Forms.ParseAsync(response)).QuerySelector(".errors")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件名太长", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("只能上传", errors, StringComparison.Ordinal);
        Assert.Equal(before, await FileListAsync(client));
    }

    [Fact]
    public async Task Upload_WithTheLongestNameAllowed_IsKept()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        // 78 characters of three bytes each and ".txt": 238 bytes, under the 240 a name may have.
        var name = new string('长', 78) + ".txt";

        using var response = await UploadAsync(client, new FormFile("Upload", name, SeedBytes(Seed)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Upload|" + name, await FileListAsync(client));
    }

    [Fact]
    public async Task Upload_WithADirectionControlInItsName_IsRefused()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var before = await FileListAsync(client);

        using var response = await UploadAsync(client, new FormFile("Upload", "page\u202Etxt.exe.txt", SeedBytes(Seed)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("改变文字方向的字符", (await Forms.ParseAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await FileListAsync(client));
    }

    [Fact]
    public async Task ImportFiles_ReadingTheSameFileAgain_UsesTheFirstParse()
    {
        _ = factory.Server;
        var files = factory.Services.GetRequiredService<ImportFiles>();
        var seed = files.List().First(f => f.FileName == Seed);

        var first = await files.ReadAsync(seed);
        var second = await files.ReadAsync(seed);

        Assert.Same(first.Reading, second.Reading);
        Assert.NotNull(second.Reading.Issue);
    }

    /// <summary>Prints how long the import page takes with five 9 MB uploads; a measurement, not a timed assertion.</summary>
    [Fact]
    [Trait("Category", "Measurement")]
    public async Task ImportPage_WithFiveLargeUploads_PrintsItsViewTimes()
    {
        using var client = factory.CreateClientAs(Roles.Admin);
        var large = LargePage(9 * 1000 * 1000);
        for (var i = 0; i < 5; i++)
        {
            using var uploaded = await UploadAsync(client, new FormFile("Upload", $"large-{i}.txt", large));
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var times = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri("/admin/import", UriKind.Relative));
            await response.Content.ReadAsStringAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        output.WriteLine($"GET /admin/import with five uploads of {large.Length:N0} bytes: {string.Join(", ", times.Select(t => $"{t:F0} ms"))}");
    }

    // Numbered copies of the seeds, so the page is not one block repeated (as the parser's own 5 MB test builds it).
    private static byte[] LargePage(int size)
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var text = new StringBuilder();
        var copy = 0;
        var bytes = 0;
        while (bytes < size)
        {
            foreach (var seed in seeds)
            {
                var number = (++copy).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var part = "第" + number + "期\n\n" + seed.Replace("。", "。" + number + "号", StringComparison.Ordinal) + "\n\n\n";
                text.Append(part);
                bytes += Encoding.UTF8.GetByteCount(part);
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params FormFile[] files)
    {
        var page = await client.GetDocumentAsync("/admin/import");
        return await client.SubmitAsync(page.Form("form.upload"), files: files);
    }

    private static async Task<string> FileListAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/admin/import");
        return string.Join("\n", page.QuerySelectorAll("tr[data-file]").Select(r => r.GetAttribute("data-file")));
    }
}
