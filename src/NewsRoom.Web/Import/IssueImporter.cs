using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>
/// Stores what the parser read from a page dump. One transaction per file: a file imports whole or not at all.
/// The file's plan (<see cref="ImportPlanner"/>) is made inside that transaction and carried out by <see cref="ImportWriter"/>.
/// Importing the same bytes again changes nothing, article ids stay stable across re-imports, and an article an
/// editor changed is never overwritten unless the admin chose so.
/// </summary>
public sealed class IssueImporter(NewsRoomDb db, ImportWriter writer, ILogger<IssueImporter> logger)
{
    private int _awaitingSearchIndex;

    /// <summary>
    /// How many imported articles may wait in the search backlog (see SearchIndexPause) before they are indexed. At 0 a
    /// file's articles are indexed right after it. A run of many files sets a batch of thousands, which FTS5 writes as one
    /// index segment instead of one per file, and calls <see cref="IndexSearchBacklogAsync"/> when it ends.
    /// </summary>
    public int SearchIndexBatch { get; set; }

    /// <summary>
    /// The preview: what importing this file would add, merge, take down and leave, and the conflicts; with a correction,
    /// what filing the page there would do.
    /// </summary>
    public async Task<FileImportPlan> PlanAsync(ImportSource source, CancellationToken cancellationToken = default) =>
        await PlanAsync(source, null, cancellationToken);

    /// <inheritdoc cref="PlanAsync(ImportSource, CancellationToken)"/>
    public async Task<FileImportPlan> PlanAsync(ImportSource source, PageFiling? correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reading = source.Reading;
        if (reading.Issue is not { } parsed)
        {
            return ImportPlanner.Plan(source.FileName, string.Empty, reading, null);
        }
        var issue = await StoredPageAsync(source.FileName, parsed, correction, cancellationToken);
        var stored = issue is null
            ? null
            : new StoredFile(issue.ContentHash, await db.Articles.AsNoTracking()
                .Where(a => a.IssueId == issue.Id && a.ImportKey != null)
                .Include(a => a.Bylines).ThenInclude(b => b.Person)
                .Include(a => a.Regions)
                .Include(a => a.Photos)
                .ToListAsync(cancellationToken))
            {
                IssueId = issue.Id,
                CopyOf = issue.SourceFileName == source.FileName ? null : issue.SourceFileName,
                Filing = new PageFiling(issue.Paper, issue.Date, issue.PageNumber, issue.PageName),
                FiledByAdmin = issue.FiledByAdmin,
            };
        return ImportPlanner.Plan(source.FileName, ImportWriter.ContentHash(source.Bytes), reading, stored, correction);
    }

    // The page this file is: the one imported under its name, else the same printed page (paper, day and 版次) imported
    // under another, else the page with the same text (a renamed or re-encoded copy of a page that does not say all three).
    private async Task<StoredPage?> StoredPageAsync(string fileName, ParsedIssue parsed, PageFiling? correction, CancellationToken cancellationToken)
    {
        if (await ProjectAsync(db.Issues.Where(i => i.SourceFileName == fileName), cancellationToken) is { } named)
        {
            return named;
        }
        var filing = correction ?? PageFiling.Of(parsed);
        if (filing.NamesOnePage
            && await ProjectAsync(db.Issues.Where(i => i.Edition.Paper.Name == filing.Paper && i.Edition.PrintDate == filing.Date && i.PageNumber == filing.PageNumber), cancellationToken) is { } printed)
        {
            return printed;
        }
        var text = PageFiling.TextHash(parsed);
        return await ProjectAsync(db.Issues.Where(i => i.TextHash == text), cancellationToken);
    }

    private static Task<StoredPage?> ProjectAsync(IQueryable<Issue> pages, CancellationToken cancellationToken) =>
        pages.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new StoredPage(i.Id, i.SourceFileName, i.ContentHash, i.Edition.Paper.Name == PaperNames.Unknown ? null : i.Edition.Paper.Name,
                i.Edition.PrintDate, i.PageNumber, i.PageName, i.FiledByAdmin))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record StoredPage(int Id, string SourceFileName, string ContentHash, string? Paper, DateOnly? Date,
        int? PageNumber, string? PageName, bool FiledByAdmin);

    /// <summary>Imports one file in one transaction. On any failure the store is left exactly as it was.</summary>
    public Task<FileImportResult> ImportAsync(
        ImportSource source,
        string? importedBy,
        IReadOnlyDictionary<string, ConflictChoice>? choices = null,
        CancellationToken cancellationToken = default) =>
        ImportAsync(source, importedBy, choices, null, cancellationToken);

    /// <inheritdoc cref="ImportAsync(ImportSource, string?, IReadOnlyDictionary{string, ConflictChoice}?, int?, PageFiling?, CancellationToken)"/>
    public Task<FileImportResult> ImportAsync(
        ImportSource source,
        string? importedBy,
        IReadOnlyDictionary<string, ConflictChoice>? choices,
        int? runId,
        CancellationToken cancellationToken) =>
        ImportAsync(source, importedBy, choices, runId, null, cancellationToken);

    /// <summary>
    /// Imports one file in one transaction, and adds its outcome to the run when one is given: a stored file's outcome
    /// in the same transaction, so the run never says less or more than the store holds. A cancelled file adds nothing:
    /// it was not done. A correction files the page where the admin says, over what the page prints.
    /// </summary>
    public async Task<FileImportResult> ImportAsync(
        ImportSource source,
        string? importedBy,
        IReadOnlyDictionary<string, ConflictChoice>? choices,
        int? runId,
        PageFiling? correction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Reading.Issue is null)
        {
            return await OutcomeAsync(runId, FileImportResult.Failed(source.FileName, source.Reading.Error ?? "unreadable"), cancellationToken);
        }

        FileImportResult result;
        var addedToRun = false;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (transaction)
        {
            try
            {
                // Planned inside the file's transaction, so the plan the writer carries out is the store as it is now.
                var plan = await PlanAsync(source, correction, cancellationToken);
                if (plan.State == FileImportState.Unchanged)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    result = Result(plan, plan.IssueId, 0, 0);
                }
                else
                {
                    // Changes are detected once before each save (see ImportWriter), not again by every Entries() call on the way.
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                    var (issueId, touched, kept, overwritten) = await writer.WriteAsync(source, plan, importedBy, choices, cancellationToken);
                    result = Result(plan, issueId, kept, overwritten);
                    if (runId is int run)
                    {
                        await ImportRunOutcomes.AddAsync(db, run, result, cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                    addedToRun = runId is not null;
                    // Nothing tracked outlives the file: a run over thousands of files stays linear.
                    // The reader cache was evicted by ReaderCacheInterceptor when the transaction committed.
                    db.ChangeTracker.Clear();
                    _awaitingSearchIndex += touched.Count;
                }
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                logger.LogError(ex, "Import of {File} failed and was rolled back", source.FileName);
                if (ex is OperationCanceledException)
                {
                    throw;
                }
                result = FileImportResult.Failed(source.FileName, ex.Message);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
        }
        // An outcome that stored nothing (unchanged, failed) still belongs to the run.
        if (!addedToRun)
        {
            await OutcomeAsync(runId, result, cancellationToken);
        }
        if (_awaitingSearchIndex > SearchIndexBatch)
        {
            await IndexSearchBacklogAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// Makes every imported article findable by search now. A run of many files calls it when it ends; a file imported
    /// alone, or the file that fills a batch, calls it itself. The files are stored whatever happens here: on failure the
    /// articles stay in the backlog, for the next import or the next start (DatabaseInitializer) to index.
    /// </summary>
    public async Task IndexSearchBacklogAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var indexed = await SearchIndexPause.IndexBacklogAsync(db, cancellationToken);
            _awaitingSearchIndex = 0;
            logger.LogDebug("Indexed {Count} imported articles for search", indexed);
        }
        catch (DbException ex)
        {
            logger.LogError(ex, "Indexing imported articles for search failed; they stay in the backlog and are indexed later");
        }
    }

    private async Task<FileImportResult> OutcomeAsync(int? runId, FileImportResult result, CancellationToken cancellationToken)
    {
        if (runId is int run)
        {
            await ImportRunOutcomes.AddAloneAsync(db, run, result, cancellationToken);
        }
        return result;
    }

    private static FileImportResult Result(FileImportPlan plan, int? issueId, int kept, int overwritten) =>
        new(plan.FileName, true, null, issueId, plan.Added.Count, plan.Updated.Count + overwritten, plan.Removed.Count,
            plan.Unchanged.Count, kept, overwritten, plan.Parsed!.Warnings, plan.Parsed.Unplaced);
}
