using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>A queued import: the run it reports to, its files and the admin's choice for each conflict by file name and import key.</summary>
public sealed record ImportJob(int RunId, IReadOnlyList<ImportFile> Files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ConflictChoice>> Choices);

/// <summary>Imports waiting for the background worker; one at a time, since SQLite has one writer.</summary>
public sealed class ImportBacklog
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportJob> Reader => _jobs.Reader;

    public ValueTask EnqueueAsync(ImportJob job, CancellationToken cancellationToken = default) => _jobs.Writer.WriteAsync(job, cancellationToken);
}

/// <summary>
/// Runs imports file by file and keeps their <see cref="ImportRun"/> up to date, so the progress page and the history
/// show where a run is. Each file is still the importer's own transaction: a failed file leaves the store as it was.
/// </summary>
public sealed class ImportRunner(NewsRoomDb db, IssueImporter importer, ImportFiles files, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly TimeSpan ResultsInterval = TimeSpan.FromSeconds(1);

    // Articles a run leaves waiting for the search index: a few seconds of importing, one FTS5 segment (see SearchIndexBacklog).
    private const int SearchIndexBatch = 5000;

    private PendingResults? _pending;
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
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(run).State = EntityState.Detached;
        return run.Id;
    }

    /// <summary>Runs a queued job to the end.</summary>
    public async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        foreach (var file in job.Files)
        {
            FileImportResult result;
            try
            {
                var source = await files.ReadAsync(file, cancellationToken);
                result = await ImportFileAsync(job.RunId, source, job.Choices.GetValueOrDefault(file.FileName), cancellationToken);
            }
            catch (IOException ex)
            {
                result = FileImportResult.Failed(file.FileName, "无法读取文件: " + ex.Message);
                await RecordAsync(job.RunId, result, cancellationToken);
            }
        }
        await FinishAsync(job.RunId, cancellationToken);
    }

    /// <summary>Imports one file and adds its result to the run.</summary>
    public async Task<FileImportResult> ImportFileAsync(int runId, ImportSource source, IReadOnlyDictionary<string, ConflictChoice>? choices, CancellationToken cancellationToken)
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
        var result = await importer.ImportAsync(source, _running.Value.StartedBy, choices, cancellationToken);
        await RecordAsync(runId, result, cancellationToken);
        return result;
    }

    public async Task FinishAsync(int runId, CancellationToken cancellationToken)
    {
        // The run's last articles become findable before it is reported finished.
        await importer.IndexSearchBacklogAsync(cancellationToken);
        await FlushResultsAsync(runId, cancellationToken);
        var results = await ResultsAsync(runId, cancellationToken);
        var failed = results.Where(r => !r.Succeeded).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        string? error = failed.Count == 0 ? null : string.Join("; ", failed.Select(f => $"{f.FileName}: {f.Error}"));
        await db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, failed.Count == 0 ? ImportRunState.Succeeded : ImportRunState.Failed)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Error, error), cancellationToken);
    }

    /// <summary>Runs left queued or running by a stopped process: their files rolled back, so they are failed, not resumed.</summary>
    public async Task FailInterruptedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ImportRuns.Where(r => r.State == ImportRunState.Queued || r.State == ImportRunState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ImportRunState.Failed)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Error, "导入被中断（服务重启），未完成的文件没有写入。"), cancellationToken);
    }

    public static IReadOnlyList<FileImportResult> ParseResults(string json) =>
        JsonSerializer.Deserialize<List<FileImportResult>>(json, Json) ?? [];

    private async Task<IReadOnlyList<FileImportResult>> ResultsAsync(int runId, CancellationToken cancellationToken)
    {
        var json = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.ResultJson).SingleAsync(cancellationToken);
        return ParseResults(json);
    }

    /// <summary>
    /// Adds a file's result to the run; updated with ExecuteUpdate, as the importer clears the tracker when it rolls a file back.
    /// The results list grows with the run, so rewriting it for every file would make a run of thousands of files quadratic:
    /// it and the counts are kept here and written at most once a second (the progress page polls about that often), and
    /// always when the run finishes.
    /// </summary>
    public async Task RecordAsync(int runId, FileImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_pending?.RunId != runId)
        {
            await FlushResultsAsync(_pending?.RunId, cancellationToken);
            _pending = new PendingResults(runId, [.. await ResultsAsync(runId, cancellationToken)]);
        }
        _pending.Results.Add(result);
        _pending.Dirty = true;
        if (clock.GetUtcNow() - _pending.WrittenAt >= ResultsInterval)
        {
            await FlushResultsAsync(runId, cancellationToken);
        }
    }

    private async Task FlushResultsAsync(int? runId, CancellationToken cancellationToken)
    {
        if (_pending is not { Dirty: true } pending || pending.RunId != runId)
        {
            return;
        }
        var json = JsonSerializer.Serialize(pending.Results, Json);
        var files = pending.Results.Count;
        var articles = pending.Results.Sum(r => r.Added + r.Updated + r.Removed + r.Unchanged + r.ConflictsKept);
        await db.ImportRuns.Where(r => r.Id == pending.RunId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ResultJson, json)
                .SetProperty(r => r.FilesDone, files)
                .SetProperty(r => r.ArticlesDone, articles), cancellationToken);
        pending.Dirty = false;
        pending.WrittenAt = clock.GetUtcNow();
    }

    private sealed class PendingResults(int runId, List<FileImportResult> results)
    {
        public int RunId { get; } = runId;
        public List<FileImportResult> Results { get; } = results;
        public bool Dirty { get; set; }
        public DateTimeOffset WrittenAt { get; set; } = DateTimeOffset.MinValue;
    }
}

/// <summary>Takes queued imports one by one, so a long import does not hold the admin's request.</summary>
internal sealed class ImportWorker(ImportBacklog queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    // Done before the site takes requests, so a run queued after start can never be taken for an interrupted one.
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().FailInterruptedAsync(cancellationToken);
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
