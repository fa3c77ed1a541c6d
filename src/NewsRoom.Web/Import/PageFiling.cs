using System.Text;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>
/// Where a page is filed: its paper, print day, 版次 and 版名, as the page prints them or as an admin set them.
/// A null part is unknown, and stays unknown: nothing fills it with the import day.
/// </summary>
public sealed record PageFiling(string? Paper, DateOnly? Date, int? PageNumber, string? PageName)
{
    /// <summary>The filing the parser read from the page.</summary>
    public static PageFiling Of(ParsedIssue parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new(parsed.Paper, parsed.Date, parsed.Page, parsed.PageName);
    }

    /// <summary>Paper, day and 版次 together name one printed page: another copy of it is recognised by them.</summary>
    public bool NamesOnePage => Paper is not null && Date is not null && PageNumber is not null;

    /// <summary>The paper's name as filed: 报名不详 when nobody named it.</summary>
    public string PaperName => Paper ?? PaperNames.Unknown;

    /// <summary>
    /// The page's text as the parser read it, hashed: the same whatever the file's name, encoding or line ends, since the
    /// parse is made from the decoded text. A page is recognised by it when its paper, day and 版次 are not all known.
    /// </summary>
    public static string TextHash(ParsedIssue parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var text = new StringBuilder();
        foreach (var article in parsed.Articles)
        {
            text.Append(ImportKeys.Fingerprint(article)).Append('\n');
        }
        foreach (var line in parsed.Furniture.Concat(["--"]).Concat(parsed.Unplaced))
        {
            text.Append(line).Append('\n');
        }
        return ImportKeys.Hash(text.ToString());
    }
}

/// <summary>
/// Files pages into editions: finds or makes the paper (with its slug from <see cref="PaperNames"/>) and its edition
/// of the day, and removes an edition a re-filed page leaves empty, so a calendar never links a day without pages.
/// Runs inside the caller's transaction.
/// </summary>
public sealed class EditionFiler(NewsRoomDb db, AuditTrail audit)
{
    /// <summary>The edition for this paper and day (null: the paper's pages without a day), made when it is the first.</summary>
    public async Task<Edition> EditionAsync(string paperName, DateOnly? date, string? homeRegion, CancellationToken cancellationToken)
    {
        var paper = await PaperAsync(paperName, homeRegion, cancellationToken);
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.PaperId == paper.Id && e.PrintDate == date, cancellationToken);
        if (edition is null)
        {
            edition = new Edition { PaperId = paper.Id, PrintDate = date };
            db.Editions.Add(edition);
            await SaveAsync(cancellationToken);
        }
        return edition;
    }

    /// <summary>
    /// Files a stored page where an admin says, in one transaction: its stories keep their ids and move with it, dated by
    /// the new day. False, with nothing changed, when another page of that day already has that 版次.
    /// </summary>
    public async Task<bool> RefileAsync(int pageId, PageFiling filing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var edition = await EditionAsync(filing.PaperName, filing.Date, null, cancellationToken);
        if (filing is { Date: not null, PageNumber: { } number }
            && await db.Issues.AnyAsync(i => i.EditionId == edition.Id && i.PageNumber == number && i.Id != pageId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }
        var page = await db.Issues.SingleAsync(i => i.Id == pageId, cancellationToken);
        var before = await db.Editions.Where(e => e.Id == page.EditionId).Select(e => new { e.Paper.Name, e.PrintDate }).SingleAsync(cancellationToken);
        audit.Add(
            AuditActions.PageRefiled,
            $"版面 #{pageId}（{page.SourceFileName}）",
            $"{FilingText(before.Name, before.PrintDate, page.PageNumber, page.PageName)} → {FilingText(filing.PaperName, filing.Date, filing.PageNumber, filing.PageName)}");
        var left = page.EditionId;
        page.EditionId = edition.Id;
        page.PageNumber = filing.PageNumber;
        page.PageName = filing.PageName;
        page.FiledByAdmin = true;
        await SaveAsync(cancellationToken);
        if (left != edition.Id)
        {
            await DropIfEmptyAsync(left, cancellationToken);
        }
        var printedAt = ImportWriter.PrintedAt(filing.Date);
        await db.Articles.Where(a => a.IssueId == pageId && a.ImportKey != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, printedAt), cancellationToken);
        // The reader cache is evicted when this commits: the page's save told ReaderCacheInterceptor.
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string FilingText(string paper, DateOnly? date, int? number, string? name) =>
        $"{paper} {EditionAddresses.DayName(date)}{(number is { } n ? $" 第{n}版" : "")}{(name is null ? "" : $" {name}")}";

    /// <summary>Deletes the edition when no page is filed in it any more.</summary>
    public async Task DropIfEmptyAsync(int editionId, CancellationToken cancellationToken)
    {
        await db.Editions.Where(e => e.Id == editionId && !e.Pages.Any()).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<Paper> PaperAsync(string name, string? homeRegion, CancellationToken cancellationToken)
    {
        var paper = await db.Papers.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        homeRegion ??= PaperNames.Known.FirstOrDefault(p => p.Name == name).HomeRegion;
        if (paper is null)
        {
            var known = PaperNames.KnownSlug(name);
            // An unknown paper's slug comes from its id, which it has only once saved.
            paper = new Paper { Name = name, Slug = known ?? "new-" + Guid.NewGuid().ToString("N") };
            db.Papers.Add(paper);
            await SaveAsync(cancellationToken);
            if (known is null)
            {
                paper.Slug = PaperNames.FallbackSlug(paper.Id);
            }
        }
        if (paper.HomeRegionId is null && homeRegion is not null)
        {
            paper.HomeRegionId = await db.Regions.Where(r => r.Name == homeRegion && r.ParentId == null).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        }
        await SaveAsync(cancellationToken);
        return paper;
    }

    private Task<int> SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        return db.SaveChangesAsync(cancellationToken);
    }
}
