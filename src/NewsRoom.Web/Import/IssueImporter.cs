using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Import;

/// <summary>
/// Stores what the parser read from a page dump. One transaction per file: a file imports whole or not at all.
/// Importing the same bytes again changes nothing, article ids stay stable across re-imports, and an article an
/// editor changed is never overwritten unless the admin chose so.
/// </summary>
public sealed class IssueImporter(NewsRoomDb db, TimeProvider clock, ILogger<IssueImporter> logger)
{
    // The papers date their issues in Beijing time.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private Dictionary<string, RegionRef>? _regions;
    private int _awaitingSearchIndex;

    /// <summary>
    /// How many imported articles may wait in the search backlog (see SearchIndexPause) before they are indexed. At 0 a
    /// file's articles are indexed right after it. A run of many files sets a batch of thousands, which FTS5 writes as one
    /// index segment instead of one per file, and calls <see cref="IndexSearchBacklogAsync"/> when it ends.
    /// </summary>
    public int SearchIndexBatch { get; set; }

    /// <summary>The preview: what importing this file would add, update, remove and leave, and the conflicts.</summary>
    public async Task<FileImportPlan> PlanAsync(ImportSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reading = source.Reading;
        if (reading.Issue is null)
        {
            return new FileImportPlan(source.FileName, FileImportState.Unreadable, reading.Error, null, [], [], [], [], []);
        }
        var parsed = reading.Issue;
        var existingIssue = await db.Issues.AsNoTracking()
            .Where(i => i.SourceFileName == source.FileName)
            .Select(i => new { i.Id, i.ContentHash })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var existing = existingIssue is null
            ? []
            : await db.Articles.AsNoTracking()
                .Where(a => a.IssueId == existingIssue.Id && a.ImportKey != null)
                .Include(a => a.Bylines).ThenInclude(b => b.Person)
                .Include(a => a.Regions)
                .Include(a => a.Photos)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byKey = existing.ToDictionary(a => a.ImportKey!, StringComparer.Ordinal);

        var keys = ImportKeys.For(parsed.Articles);
        List<PlannedArticle> added = [], updated = [], removed = [], unchanged = [];
        List<ArticleConflict> conflicts = [];
        for (var i = 0; i < parsed.Articles.Count; i++)
        {
            var item = parsed.Articles[i];
            var planned = new PlannedArticle(keys[i], null, item.Kind, ImportKeys.TitleOf(item));
            if (!byKey.Remove(keys[i], out var article))
            {
                added.Add(planned);
                continue;
            }
            planned = planned with { ArticleId = article.Id };
            var same = article.ImportFingerprint == ImportKeys.Fingerprint(item) && article.PagePosition == i;
            if (article.EditedSinceImport)
            {
                if (article.ImportFingerprint == ImportKeys.Fingerprint(item))
                {
                    unchanged.Add(planned);
                }
                else
                {
                    conflicts.Add(new ArticleConflict(keys[i], article.Id, ArticleSnapshot.Of(article), item));
                }
            }
            else if (same && article.Status == ArticleStatus.Published)
            {
                unchanged.Add(planned);
            }
            else
            {
                updated.Add(planned);
            }
        }
        foreach (var gone in byKey.Values.Where(a => a.Status != ArticleStatus.Archived || a.EditedSinceImport))
        {
            if (gone.EditedSinceImport)
            {
                conflicts.Add(new ArticleConflict(gone.ImportKey!, gone.Id, ArticleSnapshot.Of(gone), null));
            }
            else
            {
                removed.Add(new PlannedArticle(gone.ImportKey!, gone.Id, gone.Kind, gone.Headline));
            }
        }

        var hash = ContentHash(source.Bytes);
        var state = existingIssue is null
            ? FileImportState.New
            : existingIssue.ContentHash == hash && added.Count == 0 && updated.Count == 0 && removed.Count == 0 && conflicts.Count == 0
                ? FileImportState.Unchanged
                : FileImportState.Changed;
        return new FileImportPlan(source.FileName, state, null, parsed, added, updated, removed, unchanged, conflicts) { Encoding = reading.Encoding };
    }

    /// <summary>Imports one file in one transaction. On any failure the store is left exactly as it was.</summary>
    public async Task<FileImportResult> ImportAsync(
        ImportSource source,
        string? importedBy,
        IReadOnlyDictionary<string, ConflictChoice>? choices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var plan = await PlanAsync(source, cancellationToken).ConfigureAwait(false);
        if (plan.Parsed is null)
        {
            return FileImportResult.Failed(source.FileName, plan.Error ?? "unreadable");
        }
        if (plan.State == FileImportState.Unchanged)
        {
            return Result(plan, null, 0, 0);
        }

        FileImportResult result;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                // Changes are detected once before each save (see SaveAsync), not again by every Entries() call on the way.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var (issueId, touched, kept, overwritten) = await ApplyAsync(source, plan, importedBy, choices, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                // Nothing tracked outlives the file: a run over thousands of files stays linear.
                // The reader cache was evicted by ReaderCacheInterceptor when the transaction committed.
                db.ChangeTracker.Clear();
                _awaitingSearchIndex += touched.Count;
                result = Result(plan, issueId, kept, overwritten);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                logger.LogError(ex, "Import of {File} failed and was rolled back", source.FileName);
                if (ex is OperationCanceledException)
                {
                    throw;
                }
                return FileImportResult.Failed(source.FileName, ex.Message);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
        }
        if (_awaitingSearchIndex > SearchIndexBatch)
        {
            await IndexSearchBacklogAsync(cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>
    /// Makes every imported article findable by search now. A run of many files calls it when it ends; a file imported
    /// alone, or the file that fills a batch, calls it itself. The files are stored whatever happens here: on failure the
    /// articles stay in the backlog, for the next import or the next start (DatabaseInitializer) to index.
    /// </summary>
    public async Task IndexSearchBacklogAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var indexed = await SearchIndexPause.IndexBacklogAsync(db, cancellationToken).ConfigureAwait(false);
            _awaitingSearchIndex = 0;
            logger.LogDebug("Indexed {Count} imported articles for search", indexed);
        }
        catch (DbException ex)
        {
            logger.LogError(ex, "Indexing imported articles for search failed; they stay in the backlog and are indexed later");
        }
    }

    private static FileImportResult Result(FileImportPlan plan, int? issueId, int kept, int overwritten) =>
        new(plan.FileName, true, null, issueId, plan.Added.Count, plan.Updated.Count + overwritten, plan.Removed.Count,
            plan.Unchanged.Count, kept, overwritten, plan.Parsed!.Warnings, plan.Parsed.Unplaced);

    private async Task<(int IssueId, List<int> Touched, int Kept, int Overwritten)> ApplyAsync(
        ImportSource source,
        FileImportPlan plan,
        string? importedBy,
        IReadOnlyDictionary<string, ConflictChoice>? choices,
        CancellationToken cancellationToken)
    {
        var parsed = plan.Parsed!;
        var now = clock.GetUtcNow().UtcDateTime;
        // The gazetteer does not change while the site runs (it is loaded at start-up), so one read serves a whole run.
        var regions = _regions ??= await db.Regions.AsNoTracking()
            .Select(r => new RegionRef(r.Id, r.Name))
            .ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        await SearchIndexPause.PauseAsync(db, cancellationToken).ConfigureAwait(false);

        var issue = await db.Issues.Include(i => i.Original).SingleOrDefaultAsync(i => i.SourceFileName == source.FileName, cancellationToken).ConfigureAwait(false);
        if (issue is null)
        {
            issue = new Issue { SourceFileName = source.FileName, ContentHash = string.Empty };
            db.Issues.Add(issue);
        }
        issue.ContentHash = ContentHash(source.Bytes);
        issue.Original ??= new IssueOriginal { Bytes = source.Bytes };
        issue.Original.Bytes = source.Bytes;
        issue.Encoding = plan.Encoding;
        issue.Origin = source.Origin;
        issue.Paper = parsed.Paper;
        issue.IssueDate = parsed.Date;
        issue.HomeRegionId = parsed.HomeRegion is null ? null : regions.GetValueOrDefault(parsed.HomeRegion)?.Id;
        issue.ImportedAt = now;
        issue.Warnings = [.. parsed.Warnings];
        issue.Unplaced = [.. parsed.Unplaced];
        issue.Furniture = [.. parsed.Furniture];

        // A new issue has no articles yet: it is saved with them, and the lookup (four queries) is skipped.
        var existing = issue.Id == 0
            ? new Dictionary<string, Article>(StringComparer.Ordinal)
            : await db.Articles
                .Where(a => a.IssueId == issue.Id && a.ImportKey != null)
                .Include(a => a.Bylines).ThenInclude(b => b.Person)
                .Include(a => a.Regions)
                .Include(a => a.Photos)
                .ToDictionaryAsync(a => a.ImportKey!, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var people = await LoadPeopleAsync(parsed, cancellationToken).ConfigureAwait(false);
        // The issue and any new people get their ids now: the new articles below refer to them.
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        var writer = new NewArticleWriter(db);
        await using var writerScope = writer.ConfigureAwait(false);
        var publishedAt = parsed.Date is { } date
            ? new DateTimeOffset(date.ToDateTime(new TimeOnly(6, 0)), ChinaOffset).UtcDateTime
            : now;

        var keys = ImportKeys.For(parsed.Articles);
        var conflictKeys = plan.Conflicts.Select(c => c.ImportKey).ToHashSet(StringComparer.Ordinal);
        var touched = new List<Article>();
        var written = new List<int>();
        int kept = 0, overwritten = 0;
        for (var i = 0; i < parsed.Articles.Count; i++)
        {
            var item = parsed.Articles[i];
            var fingerprint = ImportKeys.Fingerprint(item);
            if (!existing.Remove(keys[i], out var article))
            {
                // Not tracked: written at once, with its revision. The reader cache still hears of it, through the issue's save.
                var added = new Article { IssueId = issue.Id, ImportKey = keys[i], CreatedAt = now, CreatedBy = importedBy };
                Refill(added, item, i, fingerprint, publishedAt, now, regions, people);
                await writer.InsertAsync(added, "导入", cancellationToken).ConfigureAwait(false);
                written.Add(added.Id);
                continue;
            }
            if (conflictKeys.Contains(keys[i]))
            {
                if (choices?.GetValueOrDefault(keys[i]) != ConflictChoice.TakeImport)
                {
                    kept++;
                    continue;
                }
                overwritten++;
            }
            else if (article.EditedSinceImport || (article.ImportFingerprint == fingerprint && article.PagePosition == i && article.Status == ArticleStatus.Published))
            {
                continue;
            }
            Refill(article, item, i, fingerprint, publishedAt, now, regions, people);
            touched.Add(article);
        }

        // Items the new reading no longer has: archived, not deleted, so nothing is lost and the id can come back.
        foreach (var gone in existing.Values.Where(a => a.Status != ArticleStatus.Archived || a.EditedSinceImport))
        {
            if (conflictKeys.Contains(gone.ImportKey!) && choices?.GetValueOrDefault(gone.ImportKey!) != ConflictChoice.TakeImport)
            {
                kept++;
                continue;
            }
            gone.Status = ArticleStatus.Archived;
            gone.UpdatedAt = now;
            gone.ConcurrencyStamp = Guid.NewGuid();
            touched.Add(gone);
        }
        await SaveAsync(cancellationToken).ConfigureAwait(false);

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
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        var touchedIds = written.Concat(touched.Select(a => a.Id)).ToList();
        await SearchIndexPause.ResumeAsync(db, touchedIds, cancellationToken).ConfigureAwait(false);
        return (issue.Id, touchedIds, kept, overwritten);
    }

    private Task<int> SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        return db.SaveChangesAsync(cancellationToken);
    }

    private Task<Dictionary<string, Person>> LoadPeopleAsync(ParsedIssue parsed, CancellationToken cancellationToken) =>
        db.FindOrAddPeopleAsync(
            parsed.Articles.SelectMany(a => a.Bylines.Concat(a.Photos.SelectMany(p => p.Credits))).Select(b => b.Name),
            cancellationToken);

    // The article as this reading of the page has it, published.
    private static void Refill(Article article, ParsedArticle item, int position, string fingerprint, DateTime publishedAt, DateTime now, Dictionary<string, RegionRef> regions, Dictionary<string, Person> people)
    {
        Fill(article, item, position, fingerprint, regions, people);
        article.Status = ArticleStatus.Published;
        article.PublishedAt ??= publishedAt;
        article.UpdatedAt = now;
        article.EditedSinceImport = false;
        article.ConcurrencyStamp = Guid.NewGuid();
    }

    private static void Fill(Article article, ParsedArticle item, int position, string fingerprint, Dictionary<string, RegionRef> regions, Dictionary<string, Person> people)
    {
        article.Kind = item.Kind;
        article.Column = item.Column;
        article.Kicker = item.Kicker;
        article.Headline = item.Headline;
        article.Subheadline = item.Subheadline;
        article.DatelinePlace = item.Dateline?.Place;
        article.DatelineDate = item.Dateline?.Date;
        article.DatelineKind = item.Dateline?.Kind;
        // A jump line (■下转第5版) stays with its story, as the paper printed it at the end.
        article.Body = MarkdownText.FromParagraphs(item.Continuation is null ? item.Body : item.Body.Append(item.Continuation));
        article.PagePosition = position;
        article.ImportFingerprint = fingerprint;

        var credits = item.Bylines
            .Concat(item.Photos.SelectMany(p => p.Credits.Select(c => c with { Role = BylineRole.Photographer })))
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
                Credits = photo.Credits.Count == 0 ? null : string.Join(' ', photo.Credits.Select(c => c.Name)),
                Order = i,
            });
        }
    }

    private sealed record RegionRef(int Id, string Name);

    private static string ContentHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
