using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>A queued import: the run it reports to, its files and the admin's choice for each conflict by file name and import key.</summary>
public sealed record ImportJob(int RunId, IReadOnlyList<ImportFile> Files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ConflictChoice>> Choices)
{
    /// <summary>Where the admin files a page, by file name, over what the page says (set on the preview).</summary>
    public IReadOnlyDictionary<string, PageFiling> Filings { get; init; } = new Dictionary<string, PageFiling>();
}

/// <summary>Imports waiting for the background worker; one at a time, since SQLite has one writer.</summary>
public sealed class ImportBacklog
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportJob> Reader => _jobs.Reader;

    public ValueTask EnqueueAsync(ImportJob job, CancellationToken cancellationToken = default) => _jobs.Writer.WriteAsync(job, cancellationToken);
}

/// <summary>
/// Runs imports file by file and keeps their <see cref="ImportRun"/> up to date, so the progress page and the history
/// show where a run is. Each file is still the importer's own transaction: a failed file leaves the store as it was,
/// and a stored file's outcome is counted in the run by that same transaction (<see cref="ImportRunOutcomes"/>).
/// </summary>
public sealed class ImportRunner(NewsRoomDb db, IssueImporter importer, ImportFiles files, TimeProvider clock, AuditTrail audit)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    // Articles a run leaves waiting for the search index: a few seconds of importing, one FTS5 segment (see SearchIndexBacklog).
    private const int SearchIndexBatch = 5000;

    private (int RunId, string? StartedBy)? _running;

    public async Task<int> CreateAsync(string? startedBy, int filesTotal, CancellationToken cancellationToken = default)
    {
        var run = new ImportRun
        {
            StartedAt = clock.GetUtcNow().UtcDateTime,
            StartedBy = startedBy,
            State = ImportRunState.Queued,
            FilesTotal = filesTotal,
        };
        db.ImportRuns.Add(run);
        // The run gets its id from the save; its audit row follows in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.ImportRun, $"导入 #{run.Id}", $"已排队，{filesTotal} 个文件", actor: startedBy);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(run).State = EntityState.Detached;
        return run.Id;
    }

    /// <summary>Runs a queued job to the end.</summary>
    public async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        foreach (var file in job.Files)
        {
            ImportSource source;
            try
            {
                source = await files.ReadAsync(file, cancellationToken);
            }
            catch (IOException ex)
            {
                await RecordAsync(job.RunId, FileImportResult.Failed(file.FileName, "无法读取文件: " + ex.Message), cancellationToken);
                continue;
            }
            await ImportFileAsync(job.RunId, source, job.Choices.GetValueOrDefault(file.FileName), job.Filings.GetValueOrDefault(file.FileName), cancellationToken);
        }
        await FinishAsync(job.RunId, cancellationToken);
    }

    /// <summary>Imports one file; its outcome is added to the run as the file is done.</summary>
    public Task<FileImportResult> ImportFileAsync(int runId, ImportSource source, IReadOnlyDictionary<string, ConflictChoice>? choices, CancellationToken cancellationToken) =>
        ImportFileAsync(runId, source, choices, null, cancellationToken);

    /// <summary>Imports one file, filed where the admin said when a correction is given.</summary>
    public async Task<FileImportResult> ImportFileAsync(
        int runId, ImportSource source, IReadOnlyDictionary<string, ConflictChoice>? choices, PageFiling? correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The run is marked running, and its starter read, once: a run of thousands of files pays for its files only.
        if (_running?.RunId != runId)
        {
            await db.ImportRuns.Where(r => r.Id == runId && r.State == ImportRunState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportRunState.Running), cancellationToken);
            var startedBy = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.StartedBy).SingleAsync(cancellationToken);
            _running = (runId, startedBy);
        }
        importer.SearchIndexBatch = SearchIndexBatch;
        return await importer.ImportAsync(source, _running.Value.StartedBy, choices, runId, correction, cancellationToken);
    }

    public async Task FinishAsync(int runId, CancellationToken cancellationToken)
    {
        // The run's last articles become findable before it is reported finished.
        await importer.IndexSearchBacklogAsync(cancellationToken);
        var results = await ImportRunOutcomes.ReadAsync(db, runId, cancellationToken);
        var failed = results.Where(r => !r.Succeeded).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        string? error = failed.Count == 0 ? null : string.Join("; ", failed.Select(f => $"{f.FileName}: {f.Error}"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, failed.Count == 0 ? ImportRunState.Succeeded : ImportRunState.Failed)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Error, error), cancellationToken);
        var startedBy = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.StartedBy).SingleAsync(cancellationToken);
        audit.Add(
            AuditActions.ImportRun,
            $"导入 #{runId}",
            $"{(failed.Count == 0 ? "完成" : "有失败")}：{results.Count} 个文件，新增 {results.Sum(r => r.Added)}，合并 {results.Sum(r => r.Updated)}，下线 {results.Sum(r => r.Removed)}，未变 {results.Sum(r => r.Unchanged)}，失败 {failed.Count}",
            actor: startedBy);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs left queued or running by a stopped process are marked interrupted, saying how far they got: the files with
    /// an outcome are in the store (or failed, and rolled back), the rest were never started or rolled back unfinished.
    /// They are not resumed: the admin decides whether to run the rest.
    /// </summary>
    public async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        var stopped = await db.ImportRuns.AsNoTracking()
            .Where(r => r.State == ImportRunState.Queued || r.State == ImportRunState.Running)
            .Select(r => new { r.Id, r.FilesTotal })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var run in stopped)
        {
            var outcomes = await db.ImportRunFiles.Where(f => f.ImportRunId == run.Id)
                .GroupBy(f => f.Succeeded)
                .Select(g => new { Succeeded = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var done = outcomes.Where(o => o.Succeeded).Sum(o => o.Count);
            var failed = outcomes.Where(o => !o.Succeeded).Sum(o => o.Count);
            var error = InterruptedText(run.FilesTotal, done, failed);
            await db.ImportRuns.Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, ImportRunState.Interrupted)
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.FilesDone, done + failed)
                    .SetProperty(r => r.Error, error), cancellationToken);
        }
    }

    /// <summary>What an interrupted run says of itself: "导入被中断（服务停止）：200 个文件中已导入 154 个，46 个未开始。"</summary>
    public static string InterruptedText(int total, int done, int failed)
    {
        var notStarted = Math.Max(total - done - failed, 0);
        var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"导入被中断（服务停止）：{total} 个文件中已导入 {done} 个"));
        if (failed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"，{failed} 个失败");
        }
        text.Append(CultureInfo.InvariantCulture, $"，{notStarted} 个未开始。");
        if (notStarted > 0)
        {
            text.Append("已导入的文件完整地在库中，未开始的文件没有写入任何内容，可以重新导入。");
        }
        return text.ToString();
    }

    /// <summary>Adds the outcome of a file that could not even be read (missing, unreadable from disk) to the run.</summary>
    public Task RecordAsync(int runId, FileImportResult result, CancellationToken cancellationToken) =>
        ImportRunOutcomes.AddAloneAsync(db, runId, result, cancellationToken);
}

/// <summary>Takes queued imports one by one, so a long import does not hold the admin's request.</summary>
internal sealed class ImportWorker(ImportBacklog queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    // Done before the site takes requests, so a run queued after start can never be taken for an interrupted one.
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().MarkInterruptedAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(job, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The worker must outlive one bad run; the run is marked failed so the admin sees it.
                logger.LogError(ex, "Import run {Run} failed", job.RunId);
                await MarkFailedAsync(job.RunId, ex.Message, stoppingToken);
            }
        }
    }

    private async Task MarkFailedAsync(int runId, string error, CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsRoomDb>();
            await db.ImportRuns.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, ImportRunState.Failed)
                    .SetProperty(r => r.Error, error), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An exception escaping a BackgroundService stops the whole site; a run left unmarked is failed on the next start.
            logger.LogError(ex, "Could not mark import run {Run} as failed", runId);
        }
    }
}
