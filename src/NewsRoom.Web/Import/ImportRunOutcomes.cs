using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>
/// Each file's outcome in an import run (<see cref="ImportRunFile"/>) and the run's counts. The importer adds a stored
/// file's outcome inside the transaction that stores it; an outcome that stores nothing (unchanged, failed, missing) is
/// added in a transaction of its own. One row per file, so a run of thousands of files stays linear.
/// </summary>
public static class ImportRunOutcomes
{
    /// <summary>Adds the outcome and counts it in the run, in the caller's transaction if there is one.</summary>
    public static async Task AddAsync(NewsRoomDb db, int runId, FileImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(result);
        var row = new ImportRunFile
        {
            ImportRunId = runId,
            FileName = result.FileName,
            Succeeded = result.Succeeded,
            ResultJson = JsonSerializer.Serialize(result, ImportRunner.Json),
        };
        db.ImportRunFiles.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
        var articles = ArticlesOf(result);
        await db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FilesDone, r => r.FilesDone + 1)
                .SetProperty(r => r.ArticlesDone, r => r.ArticlesDone + articles), cancellationToken);
    }

    /// <summary>Adds an outcome that stores nothing, in a transaction of its own: the row and the counts go in together.</summary>
    public static async Task AddAloneAsync(NewsRoomDb db, int runId, FileImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (transaction)
        {
            await AddAsync(db, runId, result, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The articles a file's outcome accounts for: added, merged, taken down, left, and kept as edited.</summary>
    public static int ArticlesOf(FileImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Added + result.Updated + result.Removed + result.Unchanged + result.ConflictsKept;
    }

    /// <summary>One run's outcomes in the order its files were done.</summary>
    public static async Task<IReadOnlyList<FileImportResult>> ReadAsync(NewsRoomDb db, int runId, CancellationToken cancellationToken = default)
    {
        var lookup = await ReadAsync(db, [runId], cancellationToken);
        return [.. lookup[runId]];
    }

    /// <summary>The outcomes of several runs, by run, each in the order its files were done.</summary>
    public static async Task<ILookup<int, FileImportResult>> ReadAsync(NewsRoomDb db, IReadOnlyCollection<int> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ImportRunFiles.AsNoTracking()
            .Where(f => runIds.Contains(f.ImportRunId))
            .OrderBy(f => f.Id)
            .Select(f => new { f.ImportRunId, f.ResultJson })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ImportRunId, r => JsonSerializer.Deserialize<FileImportResult>(r.ResultJson, ImportRunner.Json)!);
    }
}
