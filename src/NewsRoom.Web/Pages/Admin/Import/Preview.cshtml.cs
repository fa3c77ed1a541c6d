using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Admin.Import;

/// <summary>The dry run: what importing one file or all would change, and the admin's choice for each conflict.</summary>
public class PreviewModel(IssueImporter importer, ImportFiles files, ImportRunner runner, ImportBacklog queue, AuditTrail audit) : PageModel
{
    // A conflict's radio is named choice|file|key, so the choices of several files post in one form.
    private const string ChoicePrefix = "choice|";

    public IReadOnlyList<FilePreview> Previews { get; private set; } = [];

    /// <summary>The files shown, as "Seed|name.txt" (one just uploaded, or the several uploaded together); none for all files.</summary>
    [BindProperty(SupportsGet = true, Name = "file")]
    public List<string> FileRefs { get; set; } = [];

    [BindProperty]
    public List<string> Files { get; set; } = [];

    public sealed record FilePreview(ImportFile File, FileImportPlan Plan);

    public static string ChoiceName(string fileName, string importKey) => $"{ChoicePrefix}{fileName}|{importKey}";

    /// <summary>The name of a file's filing field (paper, date, number, name): filing|file|part.</summary>
    public static string FilingName(string fileName, string part) => $"filing|{fileName}|{part}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var selected = Select(FileRefs);
        if (selected is null)
        {
            return NotFound();
        }
        await LoadAsync(selected, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(Select(Files) ?? files.List().ToList(), cancellationToken);
            return Page();
        }
        var selected = Select(Files);
        if (selected is null || selected.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "所选文件已不存在，请重新预览。");
            await LoadAsync(files.List(), cancellationToken);
            return Page();
        }
        var choices = new Dictionary<string, Dictionary<string, ConflictChoice>>(StringComparer.Ordinal);
        foreach (var (name, value) in Request.Form)
        {
            if (!name.StartsWith(ChoicePrefix, StringComparison.Ordinal) || name.Split('|') is not [_, var fileName, var key])
            {
                continue;
            }
            var choice = Enum.TryParse<ConflictChoice>(value, out var parsed) ? parsed : ConflictChoice.KeepEdit;
            if (!choices.TryGetValue(fileName, out var perFile))
            {
                choices[fileName] = perFile = new Dictionary<string, ConflictChoice>(StringComparer.Ordinal);
            }
            perFile[key] = choice;
        }
        var filings = new Dictionary<string, PageFiling>(StringComparer.Ordinal);
        foreach (var file in selected)
        {
            if (await CorrectionAsync(file, cancellationToken) is { } filing)
            {
                filings[file.FileName] = filing;
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(selected, cancellationToken);
            return Page();
        }
        // Each take-import / keep-edit decision is recorded; the run's own save writes these rows with it.
        foreach (var (fileName, perFile) in choices)
        {
            foreach (var (key, choice) in perFile)
            {
                audit.Add(AuditActions.ImportChoice, $"{fileName} / {key}", choice == ConflictChoice.TakeImport ? "采用导入的版本" : "保留编辑过的版本");
            }
        }
        var runId = await runner.CreateAsync(User.Identity?.Name, selected.Count, cancellationToken);
        await queue.EnqueueAsync(
            new ImportJob(runId, selected, choices.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, ConflictChoice>)c.Value, StringComparer.Ordinal))
            {
                Filings = filings,
            },
            cancellationToken);
        return RedirectToPage("Run", new { id = runId });
    }

    // The filing the admin posted for a file, when it differs from what the page says; a refused field is a form error.
    private async Task<PageFiling?> CorrectionAsync(ImportFile file, CancellationToken cancellationToken)
    {
        string? Field(string part) => Request.Form[FilingName(file.FileName, part)].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value)
            ? BidiControls.Strip(value.Trim())
            : null;
        var (paper, date, number, name) = (Field("paper"), Field("date"), Field("number"), Field("name"));
        DateOnly? day = null;
        int? pageNumber = null;
        if (date is not null)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                && parsed.Year is >= 1900 and <= 2100)
            {
                day = parsed;
            }
            else
            {
                ModelState.AddModelError(FilingName(file.FileName, "date"), $"{file.FileName}：出版日期应写成 2024-06-03 这样的日期。");
            }
        }
        if (number is not null)
        {
            if (int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 999)
            {
                pageNumber = n;
            }
            else
            {
                ModelState.AddModelError(FilingName(file.FileName, "number"), $"{file.FileName}：版次应为 1 到 999 之间的数字。");
            }
        }
        if (paper is { Length: > 100 } || name is { Length: > 50 })
        {
            ModelState.AddModelError(FilingName(file.FileName, "paper"), $"{file.FileName}：报纸名称最多 100 个字，版名最多 50 个字。");
        }
        // A form without the filing fields (or one that repeats what the page says) corrects nothing.
        if (!Request.Form.ContainsKey(FilingName(file.FileName, "paper")) || !ModelState.IsValid)
        {
            return null;
        }
        var posted = new PageFiling(paper, day, pageNumber, name);
        var source = await files.ReadAsync(file, cancellationToken);
        return source.Reading.Issue is { } read && PageFiling.Of(read) == posted ? null : posted;
    }

    // Null when a named file is not on offer; all files when none is named.
    private List<ImportFile>? Select(List<string>? refs)
    {
        var named = refs?.Where(r => !string.IsNullOrEmpty(r)).ToList() ?? [];
        if (named.Count == 0)
        {
            return [.. files.List()];
        }
        var selected = named.Select(files.Find).ToList();
        return selected.Any(f => f is null) ? null : selected.OfType<ImportFile>().ToList();
    }

    private async Task LoadAsync(IReadOnlyList<ImportFile> selected, CancellationToken cancellationToken)
    {
        var previews = new List<FilePreview>();
        foreach (var file in selected)
        {
            previews.Add(new FilePreview(file, await importer.PlanAsync(await files.ReadAsync(file, cancellationToken), cancellationToken)));
        }
        Previews = previews;
    }
}
