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

    /// <summary>The files chosen in the upload form: one or several, all kept or, when one is refused, none.</summary>
    [BindProperty]
    public List<IFormFile> Upload { get; set; } = [];

    public sealed record FileRow(
        ImportFile File, FileImportState State, string? Error, DateTime? ImportedAt, int StoredArticles, int ParsedArticles,
        IReadOnlyList<string> Warnings, IReadOnlyList<string> Unplaced);

    public sealed record RunRow(int Id, DateTime StartedAt, string? StartedBy, ImportRunState State, int FilesDone, int FilesTotal, int ArticlesDone);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var checkedFiles = await CheckUploadsAsync(cancellationToken);
            if (ModelState.IsValid)
            {
                var saved = new List<ImportFile>();
                foreach (var (name, bytes, reading) in checkedFiles)
                {
                    saved.Add(await files.SaveUploadAsync(name, bytes, reading, cancellationToken));
                }
                return RedirectToPage("Preview", new { file = saved.Select(f => f.Ref).ToArray() });
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    // Every chosen file is checked before any is kept, so a refused one leaves the uploads as they were.
    private async Task<List<(string Name, byte[] Bytes, PageDumpReading? Reading)>> CheckUploadsAsync(CancellationToken cancellationToken)
    {
        var accepted = new List<(string Name, byte[] Bytes, PageDumpReading? Reading)>();
        if (Upload.Count == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要上传的 .txt 文件。");
            return accepted;
        }
        foreach (var upload in Upload)
        {
            byte[]? bytes = null;
            if (upload.Length is > 0 and <= ImportFiles.MaxUploadBytes)
            {
                using var buffer = new MemoryStream((int)upload.Length);
                await upload.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }
            var error = ImportFiles.Validate(upload.FileName, upload.Length, bytes, out var reading);
            var name = ImportFiles.CleanName(upload.FileName);
            if (error is null && accepted.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                error = "同名的文件选了两次，请只选一个。未做任何更改。";
            }
            if (error is not null)
            {
                // With several files the message names the one it is about.
                ModelState.AddModelError(nameof(Upload), Upload.Count == 1 ? error : $"{upload.FileName}：{error}");
                continue;
            }
            accepted.Add((name!, bytes!, reading));
        }
        return accepted;
    }

    private async Task<(FileImportState State, string? Error, ParsedIssue? Parsed)> PlannedAsync(ImportSource source, CancellationToken cancellationToken)
    {
        var plan = await importer.PlanAsync(source, cancellationToken);
        return (plan.State, plan.Error, plan.Parsed);
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
        var storedTexts = (await db.Issues.Where(i => i.TextHash != null).Select(i => i.TextHash!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<FileRow>();
        foreach (var file in files.List())
        {
            // The reading is the one kept since the upload (ImportFiles); only a file already imported needs the planner
            // to tell changed from unchanged, since one never imported is new, or unreadable, whatever it holds.
            var source = await files.ReadAsync(file, cancellationToken);
            var issue = issues.GetValueOrDefault(file.FileName);
            // A file of another name may still be a page the store holds (a renamed or re-encoded copy): the planner knows.
            var maybeStored = issue is not null
                || source.Reading.Issue is { } read && (PageFiling.Of(read).NamesOnePage || storedTexts.Contains(PageFiling.TextHash(read)));
            var (state, error, parsed) = !maybeStored
                ? (source.Reading.Issue is null ? FileImportState.Unreadable : FileImportState.New, source.Reading.Error, source.Reading.Issue)
                : await PlannedAsync(source, cancellationToken);
            rows.Add(new FileRow(
                file, state, error, issue?.ImportedAt, issue?.Articles ?? 0, parsed?.Articles.Count ?? 0,
                parsed?.Warnings ?? issue?.Warnings ?? [], parsed?.Unplaced ?? issue?.Unplaced ?? []));
        }
        Files = rows;
        Runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(5)
            .Select(r => new RunRow(r.Id, r.StartedAt, r.StartedBy, r.State, r.FilesDone, r.FilesTotal, r.ArticlesDone))
            .ToListAsync(cancellationToken);
    }
}
