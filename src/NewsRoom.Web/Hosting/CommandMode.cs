using System.Text;

namespace NewsRoom.Web.Hosting;

/// <summary>
/// The executable's command mode, for cron and tools outside the project:
/// <c>parse FILE... --json</c> prints the parse contract's JSON without touching a database;
/// <c>import PATH... [--dry-run]</c> imports files or folders into the configured database.
/// </summary>
internal static class CommandMode
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "parse" or "import";

    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> buildHost)
    {
        return args[0] switch
        {
            "parse" => await ParseAsync(args[1..]),
            _ => await ImportAsync(args[1..], buildHost),
        };
    }

    private static async Task<int> ParseAsync(string[] args)
    {
        var json = args.Contains("--json");
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: parse FILE... --json");
            return 2;
        }
        var issues = new List<ParsedIssue>();
        var failed = false;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"{file}: no such file");
                failed = true;
                continue;
            }
            var reading = PageDump.Read(name, await File.ReadAllBytesAsync(file));
            if (reading.Issue is null)
            {
                await Console.Error.WriteLineAsync($"{file}: {reading.Error}");
                failed = true;
                continue;
            }
            issues.Add(reading.Issue);
        }

        var stdout = Console.OpenStandardOutput();
        await using (stdout)
        {
            if (json)
            {
                ParseJson.Write(stdout, issues);
                await stdout.WriteAsync("\n"u8.ToArray());
            }
            else
            {
                var text = new StringBuilder();
                foreach (var issue in issues)
                {
                    text.AppendLine($"{issue.File}: {issue.Articles.Count} 篇, 未归位 {issue.Unplaced.Count}, 警告 {issue.Warnings.Count}");
                    foreach (var a in issue.Articles)
                    {
                        text.AppendLine($"  [{a.Kind}] {ImportKeys.TitleOf(a)}");
                    }
                }
                await stdout.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
            }
        }
        return failed ? 2 : 0;
    }

    private static async Task<int> ImportAsync(string[] args, Func<string[], WebApplication> buildHost)
    {
        var dryRun = args.Contains("--dry-run");
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (paths.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: import PATH... [--dry-run]");
            return 2;
        }
        var app = buildHost(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--dry-run").ToArray());
        await using (app)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(importSeeds: false);
            var importer = scope.ServiceProvider.GetRequiredService<IssueImporter>();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            var files = PageDumpFiles.Expand(paths);
            // A real import is kept in the admin console's history like one started there; a dry run is not.
            int? runId = dryRun ? null : await runner.CreateAsync("command-line", files.Count);
            var failed = false;
            // The next file is read and parsed while this one is stored.
            var next = files.Count > 0 ? ReadAheadAsync(files[0]) : null;
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var source = await next!;
                next = i + 1 < files.Count ? ReadAheadAsync(files[i + 1]) : null;
                if (source is null)
                {
                    Console.WriteLine($"{file}: 失败: 文件不存在");
                    if (runId is int missingRun)
                    {
                        await runner.RecordAsync(missingRun, FileImportResult.Failed(Path.GetFileName(file), "文件不存在"), CancellationToken.None);
                    }
                    failed = true;
                    continue;
                }
                if (dryRun)
                {
                    var plan = await importer.PlanAsync(source);
                    Console.WriteLine(plan.Error is null
                        ? $"{plan.FileName}: {StateText(plan.State)}: 新增 {plan.Added.Count}, 合并 {plan.Updated.Count}, 下线 {plan.Removed.Count}, 未变 {plan.Unchanged.Count}, 冲突 {plan.Conflicts.Count} (预览, 未写入)"
                        : $"{plan.FileName}: 失败: {plan.Error}");
                    failed |= plan.Error is not null;
                }
                else
                {
                    var result = await runner.ImportFileAsync(runId!.Value, source, null, CancellationToken.None);
                    Console.WriteLine(result.Summary);
                    failed |= !result.Succeeded;
                }
            }
            if (runId is int run)
            {
                await runner.FinishAsync(run, CancellationToken.None);
            }
            return failed ? 1 : 0;
        }
    }

    private static string StateText(FileImportState state) => state switch
    {
        FileImportState.New => "新文件",
        FileImportState.Unchanged => "已导入，无变化",
        FileImportState.Changed => "已导入，有变化",
        _ => "无法读取",
    };

    // Null for a file that does not exist.
    private static async Task<ImportSource?> ReadAheadAsync(string file) =>
        File.Exists(file)
            ? new ImportSource(Path.GetFileName(file), await File.ReadAllBytesAsync(file), IssueOrigin.CommandLine).ReadAhead()
            : null;
}
