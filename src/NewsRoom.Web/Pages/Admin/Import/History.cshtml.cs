using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin.Import;

/// <summary>Every import run: who, when, which files, counts and warnings; also as a JSON download.</summary>
public class HistoryModel(NewsRoomDb db) : PageModel
{
    private static readonly JsonSerializerOptions DownloadJson = new(ImportRunner.Json) { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public IReadOnlyList<RunEntry> Runs { get; private set; } = [];

    public sealed record RunEntry(
        int Id, DateTime StartedAt, DateTime? FinishedAt, string? StartedBy, bool DryRun, ImportRunState State,
        int FilesTotal, int FilesDone, int ArticlesDone, string? Error, IReadOnlyList<FileImportResult> Files);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Runs = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var runs = await LoadAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(runs, DownloadJson);
        return File(json, "application/json", "import-history.json");
    }

    private async Task<IReadOnlyList<RunEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var outcomes = await ImportRunOutcomes.ReadAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        // Stored in UTC and read back without a kind: marked UTC, the download writes them with a "Z" and cannot be misread.
        return rows.Select(r => new RunEntry(
            r.Id, Utc(r.StartedAt), r.FinishedAt is { } finished ? Utc(finished) : null, r.StartedBy, r.DryRun, r.State, r.FilesTotal, r.FilesDone, r.ArticlesDone, r.Error,
            [.. outcomes[r.Id]])).ToList();
    }

    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
