using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Ingest;
using NewsRoom.Web.Data;
using NewsRoom.Web.Search;

// Builds a deterministic corpus of articles recombined from the seed pages' paragraphs in a temporary SQLite
// database migrated like the site's, then times SearchService (the code the /search page runs) per query class.
// Usage: dotnet run -c Release --project bench/NewsRoom.Search.Benchmarks [-- articles [queries-per-class]]
var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var perClass = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;

// The goal is stated for one core.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

var seeds = FindSeeds() ?? throw new DirectoryNotFoundException("seeds/ not found from the current directory upwards");
var paragraphs = new List<string>();
var names = new List<string>();
foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
{
    var issue = PageDump.Read(Path.GetFileName(file), File.ReadAllBytes(file)).Issue;
    foreach (var article in issue?.Articles ?? [])
    {
        paragraphs.AddRange(article.Body.Where(p => p.Length >= 10 && !p.StartsWith('|')));
        names.AddRange(article.Bylines.Select(b => b.Name));
    }
}
names = [.. names.Distinct(StringComparer.Ordinal)];
Console.WriteLine($"seed paragraphs: {paragraphs.Count}, people: {names.Count}");

// NEWSROOM_BENCH_DB keeps the corpus at that path and reuses it on the next run, for measuring changes quickly.
var keptDatabase = Environment.GetEnvironmentVariable("NEWSROOM_BENCH_DB");
var folder = keptDatabase is null ? Path.Combine(Path.GetTempPath(), "newsroom-search-bench-" + Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(Path.GetFullPath(keptDatabase))!;
Directory.CreateDirectory(folder);
var databasePath = keptDatabase is null ? Path.Combine(folder, "bench.db") : Path.GetFullPath(keptDatabase);
var reuse = File.Exists(databasePath);
var connectionString = $"Data Source={databasePath}";
var options = new DbContextOptionsBuilder<NewsRoomDb>().UseSqlite(connectionString).Options;
try
{
    var watch = Stopwatch.StartNew();
    await using (var db = new NewsRoomDb(options))
    {
        await db.Database.MigrateAsync();
    }
    if (!reuse)
    {
        await BuildCorpusAsync(connectionString, articles, paragraphs, names);
    }
    Console.WriteLine($"corpus: {articles:N0} articles indexed in {watch.Elapsed.TotalSeconds:F0} s, database {new FileInfo(databasePath).Length / 1e6:F0} MB");

    var random = new Random(7);
    var text = string.Concat(paragraphs);
    var chars = text.ToHashSet();
    string Slice(int length)
    {
        while (true)
        {
            var paragraph = paragraphs[random.Next(paragraphs.Count)];
            if (paragraph.Length <= length)
            {
                continue;
            }
            var slice = paragraph.Substring(random.Next(paragraph.Length - length), length);
            // Words readers type: Chinese characters, not punctuation or digits.
            if (slice.All(c => c is >= '\u4e00' and <= '\u9fff'))
            {
                return slice;
            }
        }
    }
    string NoHit()
    {
        var builder = new StringBuilder();
        while (builder.Length < 4)
        {
            var c = (char)random.Next(0x4e00, 0x9fff);
            if (!chars.Contains(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    var classes = new (string Name, Func<string> Next, double GoalMs)[]
    {
        ("2 characters", () => Slice(2), 100),
        ("3 characters", () => Slice(3), 20),
        ("4-8 characters", () => Slice(random.Next(4, 9)), 20),
        ("no hit", NoHit, 20),
    };
    Console.WriteLine();
    // Wall time counts waiting for a core on a shared machine; process CPU time is the one-core cost itself.
    Console.WriteLine($"load average at start: {LoadAverage()}");
    Console.WriteLine("| query class | queries | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms | mean hits | goal p99 ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (name, next, goal) in classes)
    {
        var queries = Enumerable.Range(0, perClass).Select(_ => next()).ToList();
        // Warm the page cache and the JIT on other words of the class first.
        foreach (var query in Enumerable.Range(0, 30).Select(_ => next()))
        {
            await SearchAsync(options, query);
        }
        var times = new List<double>();
        var cpu = new List<double>();
        long hits = 0;
        foreach (var query in queries)
        {
            var cpuBefore = CpuTime.Milliseconds();
            var sw = Stopwatch.StartNew();
            hits += await SearchAsync(options, query);
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add(CpuTime.Milliseconds() - cpuBefore);
        }
        times.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {queries.Count} | {Percentile(times, 0.50):F1} | {Percentile(times, 0.99):F1} | {times[^1]:F1} | {Percentile(cpu, 0.50):F1} | {Percentile(cpu, 0.99):F1} | {hits / queries.Count:N0} | {goal} |"));
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    if (keptDatabase is null)
    {
        Directory.Delete(folder, recursive: true);
    }
}

static async Task<int> SearchAsync(DbContextOptions<NewsRoomDb> options, string query)
{
    // One context per search, as one request would have.
    await using var db = new NewsRoomDb(options);
    var results = await new SearchService(db).SearchAsync(new SearchQuery(query));
    return results.Total;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task BuildCorpusAsync(string connectionString, int count, List<string> paragraphs, List<string> names)
{
    var random = new Random(42);
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

    var people = new List<long>();
    await using (var person = connection.CreateCommand())
    {
        person.CommandText = "INSERT INTO People(Name) VALUES($name) RETURNING Id";
        var name = person.Parameters.Add("$name", SqliteType.Text);
        foreach (var n in names)
        {
            name.Value = n;
            people.Add((long)(await person.ExecuteScalarAsync())!);
        }
    }

    await using var insert = connection.CreateCommand();
    // Inserted as drafts, credited, then published in one statement: the triggers index each article once.
    insert.CommandText = """
        INSERT INTO Articles(Kind, Headline, Body, Status, PublishedAt, CreatedAt, UpdatedAt, EditedSinceImport, ConcurrencyStamp)
        VALUES('Article', $headline, $body, 'Draft', $at, $at, $at, 0, $stamp) RETURNING Id
        """;
    var headline = insert.Parameters.Add("$headline", SqliteType.Text);
    var body = insert.Parameters.Add("$body", SqliteType.Text);
    var at = insert.Parameters.Add("$at", SqliteType.Text);
    var stamp = insert.Parameters.Add("$stamp", SqliteType.Text);
    await using var byline = connection.CreateCommand();
    byline.CommandText = "INSERT OR IGNORE INTO ArticleBylines(ArticleId, PersonId, Role, \"Order\") VALUES($article, $person, 'Reporter', $order)";
    var bylineArticle = byline.Parameters.Add("$article", SqliteType.Integer);
    var bylinePerson = byline.Parameters.Add("$person", SqliteType.Integer);
    var bylineOrder = byline.Parameters.Add("$order", SqliteType.Integer);
    var start = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    for (var i = 0; i < count; i++)
    {
        var source = paragraphs[random.Next(paragraphs.Count)];
        headline.Value = source[..Math.Min(source.Length, random.Next(8, 25))];
        body.Value = string.Join("\n\n", Enumerable.Range(0, random.Next(3, 9)).Select(_ => paragraphs[random.Next(paragraphs.Count)]));
        at.Value = start.AddMinutes(i * 15).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        stamp.Value = new Guid(random.Next(), 0, 0, new byte[8]).ToString();
        var id = (long)(await insert.ExecuteScalarAsync())!;
        for (var b = 0; b < random.Next(1, 3) && people.Count > 0; b++)
        {
            bylineArticle.Value = id;
            bylinePerson.Value = people[random.Next(people.Count)];
            bylineOrder.Value = b;
            await byline.ExecuteNonQueryAsync();
        }
    }
    await using (var publish = connection.CreateCommand())
    {
        publish.CommandText = "UPDATE Articles SET Status = 'Published'";
        await publish.ExecuteNonQueryAsync();
    }
    await transaction.CommitAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static string? FindSeeds()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "seeds");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }
    return null;
}

internal static partial class CpuTime
{
    private const int ProcessCpuTimeClock = 2;

    // The process's CPU time at nanosecond resolution; Process.TotalProcessorTime ticks in 10 ms steps on Linux.
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuTimeClock, out var time) == 0)
        {
            return (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
        }
        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
