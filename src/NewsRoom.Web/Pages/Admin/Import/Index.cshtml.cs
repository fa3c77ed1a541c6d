using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin.Import;

// Requests up to 64 MB reach the handler, so an upload over the 10 MB limit gets the page's own message;
// beyond that the server refuses with 413, which the status page explains.
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class IndexModel(NewsRoomDb db, IssueImporter importer, ImportFiles files) : PageModel
{
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public sealed record FileRow(
        ImportFile File, FileImportState State, string? Error, DateTime? ImportedAt, int StoredArticles, int ParsedArticles,
        IReadOnlyList<string> Warnings, IReadOnlyList<string> Unplaced);

    public sealed record RunRow(int Id, DateTime StartedAt, string? StartedBy, ImportRunState State, int FilesTotal, int ArticlesDone);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        if (Upload is not null && Upload.Length is > 0 and <= ImportFiles.MaxUploadBytes)
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        var error = Upload is null ? "请选择要上传的 .txt 文件。" : ImportFiles.Validate(Upload.FileName, Upload.Length, bytes);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var saved = await files.SaveUploadAsync(Upload!.FileName, bytes!, cancellationToken);
        return RedirectToPage("Preview", new { file = saved.Ref });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var issues = await db.Issues.AsNoTracking()
            .Select(i => new
            {
                i.SourceFileName,
                i.ImportedAt,
                i.Warnings,
                i.Unplaced,
                Articles = i.Articles.Count(a => a.Status != ArticleStatus.Archived),
            })
            .ToDictionaryAsync(i => i.SourceFileName, StringComparer.Ordinal, cancellationToken);
        var rows = new List<FileRow>();
        foreach (var file in files.List())
        {
            var plan = await importer.PlanAsync(await files.ReadAsync(file, cancellationToken), cancellationToken);
            var issue = issues.GetValueOrDefault(file.FileName);
            rows.Add(new FileRow(
                file, plan.State, plan.Error, issue?.ImportedAt, issue?.Articles ?? 0, plan.Parsed?.Articles.Count ?? 0,
                plan.Parsed?.Warnings ?? issue?.Warnings ?? [], plan.Parsed?.Unplaced ?? issue?.Unplaced ?? []));
        }
        Files = rows;
        Runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(5)
            .Select(r => new RunRow(r.Id, r.StartedAt, r.StartedBy, r.State, r.FilesTotal, r.ArticlesDone))
            .ToListAsync(cancellationToken);
    }
}
