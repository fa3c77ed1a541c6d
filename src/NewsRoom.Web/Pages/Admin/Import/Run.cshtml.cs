using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin.Import;

/// <summary>One run: where it is while it runs (the page reloads itself), what it did when done.</summary>
public class RunModel(NewsRoomDb db) : PageModel
{
    public RunView Run { get; private set; } = null!;
    public IReadOnlyList<FileImportResult> Results { get; private set; } = [];

    public sealed record RunView(
        int Id, DateTime StartedAt, DateTime? FinishedAt, string? StartedBy, ImportRunState State,
        int FilesTotal, int FilesDone, int ArticlesDone, string? Error)
    {
        public bool Finished => State is ImportRunState.Succeeded or ImportRunState.Failed or ImportRunState.Interrupted;
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } run)
        {
            return NotFound();
        }
        Run = run;
        Results = await ImportRunOutcomes.ReadAsync(db, id, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>What the progress script polls.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id)
    {
        if (await FindAsync(id) is not { } run)
        {
            return NotFound();
        }
        return new JsonResult(new { state = run.State.ToString(), run.Finished, run.FilesTotal, run.FilesDone, run.ArticlesDone, text = AdminText.Of(run.State) });
    }

    private Task<RunView?> FindAsync(int id) =>
        db.ImportRuns.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RunView(r.Id, r.StartedAt, r.FinishedAt, r.StartedBy, r.State, r.FilesTotal, r.FilesDone, r.ArticlesDone, r.Error))
            .SingleOrDefaultAsync();
}
