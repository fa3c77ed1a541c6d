namespace NewsRoom.Web.Import;

/// <summary>What the store holds of a file already: its issue's content hash and its imported articles.</summary>
public sealed record StoredFile(string ContentHash, IReadOnlyList<Article> Articles)
{
    /// <summary>The stored page (issue) this file is, or 0 in a plan made without a store.</summary>
    public int IssueId { get; init; }

    /// <summary>The stored page's file name, when it is another file's: this one is a copy (renamed, re-encoded) of it.</summary>
    public string? CopyOf { get; init; }

    /// <summary>Where the stored page is filed now, and whether an admin filed it (a re-import then keeps that).</summary>
    public PageFiling? Filing { get; init; }

    public bool FiledByAdmin { get; init; }
}

/// <summary>
/// Decides what importing one file does, and nothing else: no store, no clock. Every decision (add, merge in place,
/// take down, leave, or ask the admin) is made here once; <see cref="ImportWriter"/> carries the plan out without
/// deciding again, and the preview shows the same plan.
/// </summary>
public static class ImportPlanner
{
    /// <param name="fileName">The file's name, which names its issue.</param>
    /// <param name="contentHash">The hash of the file's bytes.</param>
    /// <param name="reading">The parser's reading of the bytes.</param>
    /// <param name="stored">What the store holds of this file (or of the same page under another name), or null for a page never imported.</param>
    /// <param name="correction">Where the admin files the page, over what the page says; null to keep the filing.</param>
    public static FileImportPlan Plan(string fileName, string contentHash, PageDumpReading reading, StoredFile? stored, PageFiling? correction = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Issue is not { } parsed)
        {
            return new FileImportPlan(fileName, FileImportState.Unreadable, reading.Error, null, [], [], [], [], []);
        }
        var byKey = (stored?.Articles ?? []).Where(a => a.ImportKey is not null).ToDictionary(a => a.ImportKey!, StringComparer.Ordinal);

        // A story is the same story when its key is: the key never depends on the story's place on the page (ImportKeys).
        var keys = ImportKeys.For(parsed.Articles);
        List<PlannedArticle> added = [], updated = [], removed = [], unchanged = [];
        List<ArticleConflict> conflicts = [];
        for (var i = 0; i < parsed.Articles.Count; i++)
        {
            var item = parsed.Articles[i];
            var planned = new PlannedArticle(keys[i], null, item.Kind, ImportKeys.TitleOf(item)) { Position = i };
            if (!byKey.Remove(keys[i], out var article))
            {
                added.Add(planned);
                continue;
            }
            planned = planned with { ArticleId = article.Id };
            var sameText = article.ImportFingerprint == ImportKeys.Fingerprint(item);
            if (article.EditedSinceImport)
            {
                // The editor's version stands unless the page itself changed; then the admin chooses.
                if (sameText)
                {
                    unchanged.Add(planned);
                }
                else
                {
                    conflicts.Add(new ArticleConflict(keys[i], article.Id, ArticleSnapshot.Of(article), item) { Position = i });
                }
            }
            else if (sameText && article.PagePosition == i && article.Status == ArticleStatus.Published)
            {
                unchanged.Add(planned);
            }
            else
            {
                updated.Add(planned);
            }
        }

        // Stories the new reading no longer has: taken down (archived), unless already archived and untouched.
        foreach (var gone in byKey.Values.Where(a => a.Status != ArticleStatus.Archived || a.EditedSinceImport))
        {
            if (gone.EditedSinceImport)
            {
                conflicts.Add(new ArticleConflict(gone.ImportKey!, gone.Id, ArticleSnapshot.Of(gone), null));
            }
            else
            {
                removed.Add(new PlannedArticle(gone.ImportKey!, gone.Id, gone.Kind, TitleOf(gone)));
            }
        }

        // An admin's filing stands until an admin changes it; otherwise the page is filed where it says it belongs.
        var filedByAdmin = correction is not null || stored?.FiledByAdmin == true;
        var filing = correction ?? (stored is { FiledByAdmin: true, Filing: { } kept } ? kept : PageFiling.Of(parsed));
        var sameStories = added.Count == 0 && updated.Count == 0 && removed.Count == 0 && conflicts.Count == 0;
        // A copy of a stored page under another name or encoding has other bytes and the same stories: it changes nothing.
        var state = stored is null
            ? FileImportState.New
            : sameStories && (stored.ContentHash == contentHash || stored.CopyOf is not null) && (stored.Filing is null || filing == stored.Filing)
                ? FileImportState.Unchanged
                : FileImportState.Changed;
        return new FileImportPlan(fileName, state, null, parsed, added, updated, removed, unchanged, conflicts)
        {
            Encoding = reading.Encoding,
            IssueId = stored is { IssueId: > 0 } ? stored.IssueId : null,
            CopyOf = stored?.CopyOf,
            Filing = filing,
            FiledByAdmin = filedByAdmin,
        };
    }

    // A stored article named as ImportKeys.TitleOf names a parsed one: photo news and briefs have no headline.
    private static string? TitleOf(Article article) =>
        article.Headline
        ?? (article.Body.Length > 0
            ? article.Body[..Math.Min(article.Body.Length, 30)]
            : article.Photos.OrderBy(p => p.Order).Select(p => p.Title ?? p.Caption).FirstOrDefault());
}
