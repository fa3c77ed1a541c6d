using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin.Pages;

/// <summary>
/// /admin/pages/{id}: an imported page's filing (paper, print day, 版次, 版名), which the admin sets or corrects. Saving
/// re-files the page: its stories keep their ids and addresses, and the reader pages of both places are evicted.
/// </summary>
public class EditModel(NewsRoomDb db, EditionFiler filer) : PageModel
{
    public PageSummary Summary { get; private set; } = null!;

    public IReadOnlyList<string> KnownPapers => [.. PaperNames.Known.Select(p => p.Name)];

    [BindProperty]
    public FilingInput Input { get; set; } = new();

    public bool Saved { get; private set; }

    public sealed class FilingInput
    {
        [Display(Name = "报纸")]
        [StringLength(100, ErrorMessage = "报纸名称最多 100 个字。")]
        public string? Paper { get; set; }

        [Display(Name = "出版日期")]
        [DataType(DataType.Date)]
        public DateOnly? Date { get; set; }

        [Display(Name = "版次")]
        [Range(1, 999, ErrorMessage = "版次应为 1 到 999 之间的数字。")]
        public int? PageNumber { get; set; }

        [Display(Name = "版名")]
        [StringLength(50, ErrorMessage = "版名最多 50 个字。")]
        public string? PageName { get; set; }
    }

    public sealed record PageSummary(int Id, string SourceFileName, string Paper, string PaperSlug, DateOnly? Date, int? PageNumber, string? PageName,
        bool FiledByAdmin, int Stories)
    {
        public string Address => EditionAddresses.Page(PaperSlug, Date, PageNumber, Id);
    }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Saved = saved;
        Input = new FilingInput
        {
            Paper = Summary.Paper == PaperNames.Unknown ? null : Summary.Paper,
            Date = Summary.Date,
            PageNumber = Summary.PageNumber,
            PageName = Summary.PageName,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Input.Date is { Year: < 1900 or > 2100 })
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Date)}", "出版日期不在 1900 年到 2100 年之间。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var filing = new PageFiling(Clean(Input.Paper), Input.Date, Input.PageNumber, Clean(Input.PageName));
        if (!await filer.RefileAsync(id, filing, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PageNumber)}", $"{filing.PaperName} {EditionAddresses.DayName(filing.Date)} 已有第{filing.PageNumber}版，请检查版次。未做任何更改。");
            return Page();
        }
        return RedirectToPage(new { id, saved = true });
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : BidiControls.Strip(text.Trim());

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var summary = await db.Issues.Where(i => i.Id == id)
            .Select(i => new PageSummary(i.Id, i.SourceFileName, i.Edition.Paper.Name, i.Edition.Paper.Slug, i.Edition.PrintDate, i.PageNumber, i.PageName,
                i.FiledByAdmin, i.Articles.Count(a => a.Status == ArticleStatus.Published)))
            .SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return false;
        }
        Summary = summary;
        return true;
    }
}
