using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The reader pages pass the W3C Nu Html Checker with no errors. The checker (vnu.jar from npm's vnu-jar, installed by
/// .ci/run into tools/html-validator) runs on the machine's java; nothing is fetched while the test runs.
/// </summary>
public class HtmlValidationTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [ValidatorFact]
    public async Task ReaderPages_PassTheNuHtmlChecker_WithNoErrors()
    {
        var (article, untitled, personId) = await factory.WithDbAsync(async db => (
            await db.PublishedArticles.Where(a => a.Headline != null && a.Bylines.Count > 0 && a.Regions.Count > 0).Select(a => a.Id).FirstAsync(),
            await db.PublishedArticles.Where(a => a.Headline == null).Select(a => a.Id).FirstAsync(),
            await db.ArticleBylines.Where(b => db.PublishedArticles.Any(a => a.Id == b.ArticleId)).Select(b => b.PersonId).FirstAsync()));
        // A correction on the article (shown at its top and in /corrections), and a retracted story's 410 notice.
        var retracted = await factory.WithDbAsync(async db =>
        {
            db.Corrections.Add(new Correction { ArticleId = article, Kind = CorrectionKind.Correction, Text = "原文中的日期有误，已更正。", Date = new DateOnly(2025, 6, 3), CreatedAt = DateTime.UtcNow, CreatedBy = "html@test.local" });
            var story = await ReaderTestData.CreateArticleAsync(db, "已撤回的稿件", status: ArticleStatus.Retracted);
            db.Retractions.Add(new Retraction { ArticleId = story.Id, PublicReason = "报道失实。", RetractedAt = DateTime.UtcNow, RetractedBy = "html@test.local" });
            await db.SaveChangesAsync();
            return story.Id;
        });
        // The article shows a lead picture, and /photos its thumbnail: the picture markup is checked too.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsRoomDb>();
            var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
            var details = new MediaDetails("校验用的图片", "校验用的图片说明", "校验摄影");
            var image = await library.AddAsync(TestImages.CameraJpeg(900, 600), "check.jpg", details, CancellationToken.None);
            await library.AttachAsync(await db.Articles.SingleAsync(a => a.Id == article), image, null, lead: true, details, CancellationToken.None);
            await db.SaveChangesAsync();
        }
        string[] paths = ["/", "/regions/hulunbeier", "/regions/hulunbeier?county=manzhouli-city", $"/articles/{article}",
            $"/articles/{untitled}", "/search", "/search?q=%E5%8C%85%E5%A4%B4", "/photos", $"/people/{personId}", "/regions",
            "/corrections", $"/articles/{retracted}"];

        var folder = Directory.CreateTempSubdirectory("newsroom-html-");
        try
        {
            using var client = TestClients.Anonymous(factory);
            var files = new Dictionary<string, string>();
            foreach (var (path, i) in paths.Select((p, i) => (p, i)))
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                var expected = path == $"/articles/{retracted}" ? HttpStatusCode.Gone : HttpStatusCode.OK;
                Assert.True(response.StatusCode == expected, $"{path} answered {response.StatusCode}");
                var file = Path.Combine(folder.FullName, $"page-{i}.html");
                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
                files[new Uri(file).AbsoluteUri] = path;
            }

            var messages = await NuChecker.ErrorsAsync(files.Keys.Select(f => new Uri(f).LocalPath));
            var errors = messages.Select(m => $"{(m.Url is { } url && files.TryGetValue(url, out var path) ? path : m.Url)}:{m.Line}: {m.Message} [{m.Extract}]").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [ValidatorFact]
    public async Task NuChecker_FindsAnError_InBrokenHtml()
    {
        // The check above must be able to fail: a page with a duplicate id and a stray end tag is reported.
        var file = Path.Combine(Path.GetTempPath(), $"newsroom-broken-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>坏</title></head><body><p id=\"a\">一</p><p id=\"a\">二</p></div></body></html>");
        try
        {
            var messages = await NuChecker.ErrorsAsync([file]);
            Assert.Contains(messages, m => m.Message.Contains("Duplicate ID", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>Runs vnu.jar over files and reads its JSON report.</summary>
internal static class NuChecker
{
    public static string JarPath { get; } = Path.Combine(RepositoryRoot(), "tools", "html-validator", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public sealed record Report(string Type, string? Url, int? Line, string Message, string? Extract);

    public static async Task<List<Report>> ErrorsAsync(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", JarPath, "--format", "json", "--errors-only" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync();
        await stdout;
        await process.WaitForExitAsync();
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => new Report(
                m.GetProperty("type").GetString()!,
                m.TryGetProperty("url", out var url) ? url.GetString() : null,
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
                m.GetProperty("message").GetString()!,
                m.TryGetProperty("extract", out var extract) ? extract.GetString() : null))];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsRoom.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("NewsRoom.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A test that needs the Nu Html Checker and java. Without them it is skipped with a reason the runner prints, except
/// under CI (CI=true), where .ci/run installs them and a missing checker must fail rather than pass unseen.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ValidatorFactAttribute : FactAttribute
{
    public ValidatorFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(NuChecker.JarPath) && !ci)
        {
            Skip = $"The Nu Html Checker is not installed at {NuChecker.JarPath} (npm ci --prefix tools/html-validator); HTML validation skipped.";
        }
    }
}
