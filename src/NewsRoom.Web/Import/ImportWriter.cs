using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>
/// Carries out an import plan (<see cref="ImportPlanner"/>) inside the caller's transaction: adds, merges in place,
/// takes down, and applies the admin's choice for each conflict. It decides nothing the plan has decided.
/// </summary>
public sealed class ImportWriter(NewsRoomDb db, EditionFiler filer, TimeProvider clock)
{
    // The papers date their issues in Beijing time.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private Dictionary<string, RegionRef>? _regions;

    /// <summary>The hash an issue keeps of its file's bytes.</summary>
    public static string ContentHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes the plan; returns the issue, the articles to index for search, and the conflicts kept and overwritten.</summary>
    public async Task<(int IssueId, List<int> Touched, int Kept, int Overwritten)> WriteAsync(
        ImportSource source,
        FileImportPlan plan,
        string? importedBy,
        IReadOnlyDictionary<string, ConflictChoice>? choices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        var parsed = plan.Parsed ?? throw new InvalidOperationException("An unreadable file has no plan to carry out.");
        var now = clock.GetUtcNow().UtcDateTime;
        // The gazetteer does not change while the site runs (it is loaded at start-up), so one read serves a whole run.
        var regions = _regions ??= await db.Regions.AsNoTracking()
            .Select(r => new RegionRef(r.Id, r.Name))
            .ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken);
        await SearchIndexPause.PauseAsync(db, cancellationToken);

        // The edition first: filing it saves, and a page added before would be saved without one.
        var filing = plan.Filing ?? PageFiling.Of(parsed);
        var edition = await filer.EditionAsync(filing.PaperName, filing.Date, parsed.HomeRegion, cancellationToken);
        // The planned page: the one of this name, or the same page stored under another name (which it keeps).
        var issue = plan.IssueId is int plannedId
            ? await db.Issues.Include(i => i.Original).SingleAsync(i => i.Id == plannedId, cancellationToken)
            : null;
        if (issue is null)
        {
            issue = new Issue { SourceFileName = source.FileName, ContentHash = string.Empty };
            db.Issues.Add(issue);
        }
        var leftEdition = issue.EditionId != edition.Id && issue.EditionId != 0 ? issue.EditionId : (int?)null;
        issue.EditionId = edition.Id;
        issue.PageNumber = filing.PageNumber;
        issue.PageName = filing.PageName;
        issue.FiledByAdmin = plan.FiledByAdmin;
        issue.TextHash = PageFiling.TextHash(parsed);
        issue.ContentHash = ContentHash(source.Bytes);
        issue.Original ??= new IssueOriginal { Bytes = source.Bytes };
        issue.Original.Bytes = source.Bytes;
        issue.Encoding = plan.Encoding;
        issue.Origin = source.Origin;
        issue.HomeRegionId = parsed.HomeRegion is null ? null : regions.GetValueOrDefault(parsed.HomeRegion)?.Id;
        issue.ImportedAt = now;
        issue.Warnings = [.. parsed.Warnings];
        issue.Unplaced = [.. parsed.Unplaced];
        issue.Furniture = [.. parsed.Furniture];

        // Only the articles the plan changes are loaded; a new issue has none, and the lookup is skipped.
        var choose = plan.Conflicts.Where(c => choices?.GetValueOrDefault(c.ImportKey) == ConflictChoice.TakeImport).ToList();
        var ids = plan.Updated.Concat(plan.Removed).Select(p => p.ArticleId!.Value).Concat(choose.Select(c => c.ArticleId)).ToList();
        var stored = ids.Count == 0
            ? []
            : await db.Articles
                .Where(a => ids.Contains(a.Id))
                .Include(a => a.Bylines).ThenInclude(b => b.Person)
                .Include(a => a.Regions)
                .Include(a => a.Photos)
                .ToDictionaryAsync(a => a.Id, cancellationToken);
        var people = await db.FindOrAddPeopleAsync(
            parsed.Articles.SelectMany(a => a.Bylines.Concat(a.Photos.SelectMany(p => p.Credits))).Select(b => NameOf(b)).Where(n => n.Length > 0),
            cancellationToken);
        // The issue and any new people get their ids now: the new articles below refer to them.
        await SaveAsync(cancellationToken);
        if (leftEdition is int left)
        {
            await filer.DropIfEmptyAsync(left, cancellationToken);
        }
        var publishedAt = PrintedAt(filing.Date);
        // A re-filed page's stories carry its new day, the ones this import leaves alone too.
        await db.Articles.Where(a => a.IssueId == issue.Id && a.ImportKey != null && a.PublishedAt != publishedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, publishedAt), cancellationToken);
        var content = new ArticleContent(regions, people, publishedAt, now);

        var written = new List<int>();
        var writer = new NewArticleWriter(db);
        await using (writer)
        {
            foreach (var add in plan.Added)
            {
                // Not tracked: written at once, with its revision. The reader cache still hears of it, through the issue's save.
                var article = new Article { IssueId = issue.Id, ImportKey = add.ImportKey, CreatedAt = now, CreatedBy = importedBy };
                content.Refill(article, parsed.Articles[add.Position!.Value], add.Position.Value);
                await writer.InsertAsync(article, "导入", cancellationToken);
                written.Add(article.Id);
            }
        }

        var touched = new List<Article>();
        foreach (var merge in plan.Updated)
        {
            var article = stored[merge.ArticleId!.Value];
            content.Refill(article, parsed.Articles[merge.Position!.Value], merge.Position.Value);
            touched.Add(article);
        }
        foreach (var conflict in choose)
        {
            var article = stored[conflict.ArticleId];
            if (conflict.Position is { } position)
            {
                content.Refill(article, parsed.Articles[position], position);
            }
            else
            {
                TakeDown(article, now);
            }
            touched.Add(article);
        }
        // Items the new reading no longer has: archived, not deleted, so nothing is lost and the id can come back.
        foreach (var gone in plan.Removed)
        {
            var article = stored[gone.ArticleId!.Value];
            TakeDown(article, now);
            touched.Add(article);
        }
        await SaveAsync(cancellationToken);

        foreach (var article in touched)
        {
            db.Revisions.Add(new Revision
            {
                ArticleId = article.Id,
                CreatedAt = now,
                CreatedBy = importedBy,
                Action = article.Status == ArticleStatus.Archived ? "导入时移除" : "导入",
                Snapshot = ArticleSnapshot.Of(article).ToJson(),
            });
        }
        await SaveAsync(cancellationToken);
        var touchedIds = written.Concat(touched.Select(a => a.Id)).ToList();
        await SearchIndexPause.ResumeAsync(db, touchedIds, cancellationToken);
        return (issue.Id, touchedIds, plan.Conflicts.Count - choose.Count, choose.Count);
    }

    /// <summary>
    /// When readers of the paper first saw a page of this day: 6:00 Beijing time. Null for a page whose day is unknown,
    /// which readers see as 日期不详 and lists put after the dated ones: the import day is not its print day.
    /// </summary>
    public static DateTime? PrintedAt(DateOnly? printDate) =>
        printDate is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(6, 0)), ChinaOffset).UtcDateTime : null;

    private static void TakeDown(Article article, DateTime now)
    {
        article.Status = ArticleStatus.Archived;
        article.UpdatedAt = now;
        article.ConcurrencyStamp = Guid.NewGuid();
    }

    private Task<int> SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        return db.SaveChangesAsync(cancellationToken);
    }

    private sealed record RegionRef(int Id, string Name);

    // A person as the store names them: without bidirectional controls, so one name is one person.
    private static string NameOf(ParsedByline byline) => BidiControls.Strip(byline.Name)!;

    // One file's reading of its articles into rows: the gazetteer, the people, and the file's times.
    private sealed class ArticleContent(Dictionary<string, RegionRef> regions, Dictionary<string, Person> people, DateTime? publishedAt, DateTime now)
    {
        // The article as this reading of the page has it, published.
        public void Refill(Article article, ParsedArticle item, int position)
        {
            Fill(article, item, position);
            article.Status = ArticleStatus.Published;
            article.PublishedAt = publishedAt;
            article.UpdatedAt = now;
            article.EditedSinceImport = false;
            article.ConcurrencyStamp = Guid.NewGuid();
        }

        private void Fill(Article article, ParsedArticle item, int position)
        {
            article.Kind = item.Kind;
            article.Column = item.Column;
            // Bidirectional controls in a title would make it read otherwise than it says (BidiControls).
            article.Kicker = BidiControls.Strip(item.Kicker);
            article.Headline = BidiControls.Strip(item.Headline);
            article.Subheadline = BidiControls.Strip(item.Subheadline);
            article.DatelinePlace = item.Dateline?.Place;
            article.DatelineDate = item.Dateline?.Date;
            article.DatelineKind = item.Dateline?.Kind;
            // A jump line (■下转第5版) stays with its story, as the paper printed it at the end.
            article.Body = MarkdownText.FromParagraphs(item.Continuation is null ? item.Body : item.Body.Append(item.Continuation));
            article.PagePosition = position;
            article.ImportFingerprint = ImportKeys.Fingerprint(item);

            var credits = item.Bylines
                .Concat(item.Photos.SelectMany(p => p.Credits.Select(c => c with { Role = BylineRole.Photographer })))
                .Select(b => b with { Name = NameOf(b) })
                .Where(b => b.Name.Length > 0)
                .DistinctBy(b => (b.Name, b.Role))
                .Select((b, order) => (Person: people[b.Name], b.Role, Order: order))
                .ToList();
            article.Bylines.RemoveAll(b => !credits.Any(c => c.Person == b.Person && c.Role == b.Role));
            foreach (var credit in credits)
            {
                var byline = article.Bylines.FirstOrDefault(b => b.Person == credit.Person && b.Role == credit.Role);
                if (byline is null)
                {
                    article.Bylines.Add(byline = new ArticleByline { Person = credit.Person, Role = credit.Role });
                }
                byline.Order = credit.Order;
            }

            var tagged = item.Regions.Concat(item.Places)
                .Select(name => regions.GetValueOrDefault(name))
                .OfType<RegionRef>()
                .Distinct()
                .ToList();
            article.Regions.RemoveAll(r => !tagged.Any(t => t.Id == r.RegionId));
            for (var i = 0; i < tagged.Count; i++)
            {
                var link = article.Regions.FirstOrDefault(r => r.RegionId == tagged[i].Id);
                if (link is null)
                {
                    article.Regions.Add(link = new ArticleRegion { RegionId = tagged[i].Id });
                }
                link.Order = i;
                // The first league-level region is the primary one; an article about one county alone has that county's league.
                link.IsPrimary = item.Regions.Count > 0 ? tagged[i].Name == item.Regions[0] : i == 0;
            }

            article.Photos.Clear();
            for (var i = 0; i < item.Photos.Count; i++)
            {
                var photo = item.Photos[i];
                article.Photos.Add(new Photo
                {
                    Title = photo.Title,
                    Caption = photo.Caption,
                    Credits = photo.Credits.Count == 0 ? null : string.Join(' ', photo.Credits.Select(NameOf)),
                    Order = i,
                });
            }
        }
    }
}
