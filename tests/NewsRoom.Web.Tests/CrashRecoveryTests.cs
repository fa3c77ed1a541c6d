using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsRoom.Web.Tests;

/// <summary>Kills the real executable in the middle of a large import and checks the store afterwards.</summary>
[Trait("Category", "Reliability")]
public sealed class CrashRecoveryTests : IDisposable
{
    // Enough that the importer is still at work when the tenth file is reported: with 60 it had finished all of them.
    private const int Files = 400;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-crash", Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(Path.Combine(_folder, "corpus"));

    [Fact]
    public async Task Import_KilledHalfway_LeavesAConsistentStore_AndRunsToTheEndWhenRepeated()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        var expected = new Dictionary<string, int>();
        for (var i = 0; i < Files; i++)
        {
            var seed = seeds[i % seeds.Length];
            var name = $"page_{i:D4}.txt";
            // Each file a page of its own: a bare copy of a seed would be the same page again, which imports to nothing.
            var bytes = System.Text.Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(seed) + $"\n本版编号 {i:D4}\n");
            await File.WriteAllBytesAsync(Path.Combine(_folder, "corpus", name), bytes);
            expected[name] = PageDump.Read(name, bytes).Issue!.Articles.Count;
        }
        var database = Path.Combine(_folder, "crash.db");

        // The first run is killed once ten files are in, while the rest are still being imported.
        using (var run = StartImport(database))
        {
            var imported = 0;
            while (await run.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("page_", StringComparison.Ordinal) && ++imported == 10)
                {
                    run.Kill(entireProcessTree: true);
                    break;
                }
            }
            await run.WaitForExitAsync();
        }
        var afterCrash = ReadStore(database);
        Assert.Equal("ok", afterCrash.Integrity);
        Assert.InRange(afterCrash.ArticlesByIssue.Count, 10, Files - 1);
        Assert.All(afterCrash.ArticlesByIssue, issue => Assert.Equal(expected[issue.Key], issue.Value));
        // The killed run's stored articles were still waiting to be indexed for search, as a run indexes in batches.
        Assert.True(afterCrash.Waiting > 0);
        // The run's history counts exactly the files the store holds: each file's outcome was written with its articles.
        Assert.Equal(afterCrash.ArticlesByIssue.Count, afterCrash.RunFilesDone);

        using (var again = StartImport(database))
        {
            await again.StandardOutput.ReadToEndAsync();
            await again.WaitForExitAsync();
            Assert.Equal(0, again.ExitCode);
        }
        var afterRepeat = ReadStore(database);
        Assert.Equal("ok", afterRepeat.Integrity);
        Assert.Equal(expected.OrderBy(e => e.Key), afterRepeat.ArticlesByIssue.OrderBy(e => e.Key));
        // What the killed run stored but had not yet indexed for search was indexed by the next run's start.
        Assert.Equal((afterRepeat.Published, 0), (afterRepeat.Indexed, afterRepeat.Waiting));
    }

    private Process StartImport(string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "NewsRoom.Web.dll"), "import", Path.Combine(_folder, "corpus"),
            $"--ConnectionStrings:NewsRoom=Data Source={database}", "--NewsRoom:Admin:Password=Crash-Passw0rd",
        })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        // Drain the log so the child never blocks on a full pipe.
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static (string Integrity, Dictionary<string, int> ArticlesByIssue, long Published, long Indexed, long Waiting, long RunFilesDone) ReadStore(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = (string)check.ExecuteScalar()!;
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT i.SourceFileName, COUNT(a.Id) FROM Issues i LEFT JOIN Articles a ON a.IssueId = i.Id GROUP BY i.Id";
        var articles = new Dictionary<string, int>();
        using var reader = count.ExecuteReader();
        while (reader.Read())
        {
            articles[reader.GetString(0)] = reader.GetInt32(1);
        }
        reader.Close();
        long Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
        return (integrity, articles, Count("SELECT count(*) FROM Articles WHERE Status = 'Published'"),
            Count("SELECT count(*) FROM ArticleSearch"), Count("SELECT count(*) FROM ArticleSearchBacklog"),
            Count("SELECT FilesDone FROM ImportRuns ORDER BY Id LIMIT 1"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
