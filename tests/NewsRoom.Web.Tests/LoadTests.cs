using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace NewsRoom.Web.Tests;

[Trait("Category", "Load")]
public class LoadTests(KestrelNewsRoomFactory factory, ITestOutputHelper output) : IClassFixture<KestrelNewsRoomFactory>
{
    private const int Readers = 4;

    /// <summary>The issue asks for 60 s; NEWSROOM_LOAD_SECONDS shortens it while iterating.</summary>
    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("NEWSROOM_LOAD_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60);

    private sealed record Save(string Writer, int ArticleId, string Token, HttpStatusCode Status);

    [Fact]
    public async Task ReadersAndEditorSavesTogether_GiveNo5xx_AndLoseNoSave()
    {
        factory.Start();
        var (own, shared, slug) = await factory.WithDbAsync(async db =>
        {
            var slug = await db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder).Select(r => r.Slug).FirstAsync();
            var a = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("负载甲"), regions: [slug], bylines: [("负载记者", BylineRole.Reporter)]);
            var b = await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("负载乙"), regions: [slug], bylines: [("负载记者", BylineRole.Reporter)]);
            return (a.Id, b.Id, slug);
        });
        using var soloEditor = await factory.EditorAsync("load-solo@test.local");
        using var firstRival = await factory.EditorAsync("load-first@test.local");
        using var secondRival = await factory.EditorAsync("load-second@test.local");

        var stop = Stopwatch.StartNew();
        var serverErrors = new ConcurrentQueue<string>();
        var saves = new ConcurrentQueue<Save>();
        var unexpected = new ConcurrentQueue<string>();
        var reads = 0L;

        async Task ReadAsync()
        {
            using var client = new HttpClient { BaseAddress = factory.BaseAddress };
            string[] urls = ["/", $"/articles/{own}", $"/regions/{slug}", $"/articles/{shared}"];
            for (var i = 0; stop.Elapsed < Duration; i++)
            {
                using var response = await client.GetAsync(new Uri(urls[i % urls.Length], UriKind.Relative));
                await response.Content.LoadIntoBufferAsync();
                Interlocked.Increment(ref reads);
                if ((int)response.StatusCode >= 500 || response.StatusCode != HttpStatusCode.OK)
                {
                    serverErrors.Enqueue($"GET {urls[i % urls.Length]}: {(int)response.StatusCode}");
                }
            }
        }

        async Task WriteAsync(HttpClient editor, string writer, int articleId)
        {
            for (var n = 0; stop.Elapsed < Duration; n++)
            {
                var token = $"load-{writer}-{n}";
                var form = await EditorWorkflowTests.FormAsync(editor, articleId);
                using var response = await EditorWorkflowTests.SubmitAsync(editor, form, new Dictionary<string, string?> { ["Input.Body"] = $"负载测试正文 {token}。" }, "Save");
                saves.Enqueue(new Save(writer, articleId, token, response.StatusCode));
                if ((int)response.StatusCode >= 500)
                {
                    serverErrors.Enqueue($"save {token}: {(int)response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    // The expected refusal: only between the two rivals, and shown as the form with both versions.
                    var page = await Forms.ParseAsync(response, $"/editor/articles/{articleId}");
                    if (articleId != shared || page.QuerySelector("#article-form") is null)
                    {
                        unexpected.Enqueue($"save {token}: a conflict where none was possible or without the form");
                    }
                }
                else if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    unexpected.Enqueue($"save {token}: {(int)response.StatusCode}");
                }
            }
        }

        var tasks = Enumerable.Range(0, Readers).Select(_ => Task.Run(ReadAsync)).ToList();
        tasks.Add(Task.Run(() => WriteAsync(soloEditor, "solo", own)));
        tasks.Add(Task.Run(() => WriteAsync(firstRival, "first", shared)));
        tasks.Add(Task.Run(() => WriteAsync(secondRival, "second", shared)));
        await Task.WhenAll(tasks);
        var elapsed = stop.Elapsed.TotalSeconds;

        var snapshots = await factory.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == own || r.ArticleId == shared).Select(r => r.Snapshot).ToListAsync());
        var kept = saves.Where(s => s.Status == HttpStatusCode.Redirect).ToList();
        var refused = saves.Where(s => s.Status == HttpStatusCode.Conflict).ToList();
        var lost = kept.Where(s => !snapshots.Any(x => x.Contains(s.Token + "。", StringComparison.Ordinal))).Select(s => s.Token).ToList();
        var leaked = refused.Where(s => snapshots.Any(x => x.Contains(s.Token + "。", StringComparison.Ordinal))).Select(s => s.Token).ToList();

        output.WriteLine(FormattableString.Invariant(
            $"{elapsed:F1} s: {reads} reads ({reads / elapsed:F1}/s) by {Readers} readers; {saves.Count} saves ({saves.Count / elapsed:F1}/s): {kept.Count} kept, {refused.Count} refused as conflicts"));
        Assert.True(serverErrors.IsEmpty, string.Join("\n", serverErrors.Take(20)));
        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected.Take(20)));
        Assert.True(lost.Count == 0, "saves answered as kept but missing from the history: " + string.Join(", ", lost));
        Assert.True(leaked.Count == 0, "saves refused as conflicts but in the history: " + string.Join(", ", leaked));
        Assert.True(reads > 0 && kept.Any(s => s.Writer == "solo"), "the load did not run");
    }
}
