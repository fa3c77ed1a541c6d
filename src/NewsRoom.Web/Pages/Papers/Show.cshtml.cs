using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Papers;

/// <summary>
/// /papers/{paper}: the month calendar of a paper's editions (往期), its newest month unless ?month=yyyy-MM says another;
/// only days with an edition are linked, and the months before and after page to the nearest month with one.
/// </summary>
[OutputCache(PolicyName = ReaderCache.AllTag, VaryByQueryKeys = ["month"])]
public class ShowModel(NewsRoomDb db) : PageModel
{
    public PaperView Paper { get; private set; } = null!;
    public DateOnly Month { get; private set; }
    public IReadOnlySet<DateOnly> Days { get; private set; } = new HashSet<DateOnly>();
    public DateOnly? PreviousMonth { get; private set; }
    public DateOnly? NextMonth { get; private set; }
    public EditionStrip? Latest { get; private set; }
    public int UndatedPages { get; private set; }

    public string MonthName => $"{Month.Year}年{Month.Month}月";

    public async Task<IActionResult> OnGetAsync(string paper, [FromQuery(Name = "month")] string? month, CancellationToken cancellationToken)
    {
        if (await db.PaperAsync(paper, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Paper = found;
        var editions = db.Editions.Where(e => e.PaperId == found.Id).Readable();
        // Newest first down the (PaperId, PrintDate) index, stopping at the first readable edition: MAX() over the filter
        // would test every edition the paper has.
        var newest = await editions.Where(e => e.PrintDate != null).OrderByDescending(e => e.PrintDate).Select(e => e.PrintDate).FirstOrDefaultAsync(cancellationToken);
        UndatedPages = await db.Issues.Where(p => p.Edition.PaperId == found.Id && p.Edition.PrintDate == null).Readable().CountAsync(cancellationToken);
        if (month is not null)
        {
            if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked))
            {
                return NotFound();
            }
            Month = asked;
        }
        else if (newest is { } latest)
        {
            Month = new DateOnly(latest.Year, latest.Month, 1);
        }
        else if (UndatedPages == 0)
        {
            return NotFound();
        }

        if (newest is not null)
        {
            var start = Month;
            var end = Month.AddMonths(1);
            Days = (await editions.Where(e => e.PrintDate >= start && e.PrintDate < end).Select(e => e.PrintDate!.Value).ToListAsync(cancellationToken)).ToHashSet();
            PreviousMonth = await editions.Where(e => e.PrintDate < start).OrderByDescending(e => e.PrintDate).Select(e => e.PrintDate).FirstOrDefaultAsync(cancellationToken) is { } before
                ? new DateOnly(before.Year, before.Month, 1) : null;
            NextMonth = await editions.Where(e => e.PrintDate >= end).OrderBy(e => e.PrintDate).Select(e => e.PrintDate).FirstOrDefaultAsync(cancellationToken) is { } after
                ? new DateOnly(after.Year, after.Month, 1) : null;
        }
        return Page();
    }

    /// <summary>The calendar's weeks, Monday first as Chinese calendars print them; null for a cell outside the month.</summary>
    public IEnumerable<DateOnly?[]> Weeks()
    {
        var first = Month;
        var lead = ((int)first.DayOfWeek + 6) % 7;
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var cells = Enumerable.Repeat<DateOnly?>(null, lead).Concat(Enumerable.Range(0, days).Select(d => (DateOnly?)first.AddDays(d))).ToList();
        while (cells.Count % 7 != 0)
        {
            cells.Add(null);
        }
        return cells.Chunk(7);
    }
}
