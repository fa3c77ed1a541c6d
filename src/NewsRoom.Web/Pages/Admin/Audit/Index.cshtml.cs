using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin.Audit;

/// <summary>
/// The audit trail, read only: filtered by person, action, story and Beijing-time dates, newest first, paged, and as a
/// CSV download of every row the filter finds. Nothing here or anywhere else changes a row.
/// </summary>
public class IndexModel(NewsRoomDb db, Microsoft.Extensions.Options.IOptions<NewsRoomOptions> options) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The account, login name or system actor, exactly as the rows name it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Article { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public Pager? Pager { get; private set; }

    public string? FilterError { get; private set; }

    public int RetainDays => options.Value.Audit.RetainDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Filtered() is not { } query)
        {
            return Page();
        }
        var total = await query.CountAsync(cancellationToken);
        if (!Reader.Pager.IsValid(PageNumber, total, PageSize))
        {
            return NotFound();
        }
        Entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        Pager = Reader.Pager.For(PageNumber, total, PageSize, "/admin/audit", FilterQuery());
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Filtered() is not { } query)
        {
            return Page();
        }
        // Streamed row by row: a year of sign-ins is more than a page should hold in memory at once.
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"audit-{DateTime.UtcNow.ToChinaTime("yyyyMMdd-HHmm")}.csv",
        }.ToString();
        // With a byte-order mark: Excel, which most newsrooms open a CSV in, otherwise reads UTF-8 Chinese as GBK.
        await using var csv = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await AuditCsv.WriteHeaderAsync(csv);
        await foreach (var entry in query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await AuditCsv.WriteRowAsync(csv, entry);
        }
        return new EmptyResult();
    }

    /// <summary>The filter as a query; null (with <see cref="FilterError"/> set) when a date is out of range.</summary>
    private IQueryable<AuditEntry>? Filtered()
    {
        if (Search.IndexModel.IsOutOfRange(From) || Search.IndexModel.IsOutOfRange(To))
        {
            FilterError = string.Create(CultureInfo.InvariantCulture, $"日期应在 {Search.IndexModel.EarliestDay:yyyy-MM-dd} 到 {Search.IndexModel.LatestDay:yyyy-MM-dd} 之间。");
            return null;
        }
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var person = Person.Trim();
            query = query.Where(e => e.Actor == person);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action == Action);
        }
        if (Article is { } article)
        {
            query = query.Where(e => e.ArticleId == article);
        }
        // Days are Beijing days: the range's UTC bounds are 8 hours earlier.
        if (From is { } start)
        {
            var since = start.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset;
            query = query.Where(e => e.At >= since);
        }
        if (To is { } end)
        {
            var until = end.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset;
            query = query.Where(e => e.At < until);
        }
        return query;
    }

    private Dictionary<string, string?> FilterQuery() => new()
    {
        ["person"] = Person,
        ["action"] = Action,
        ["article"] = Article?.ToString(CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The CSV download's address for the current filter.</summary>
    public string CsvHref => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        "/admin/audit",
        FilterQuery().Append(new("handler", "Csv")).Where(q => !string.IsNullOrEmpty(q.Value)));
}
