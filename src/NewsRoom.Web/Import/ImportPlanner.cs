namespace NewsRoom.Web.Import;

/// <summary>What the store holds of a file already: its issue's content hash and its imported articles.</summary>
public sealed record StoredFile(string ContentHash, IReadOnlyList<Article> Articles);

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
    /// <param name="stored">What the store holds of this file, or null for a file never imported.</param>
    public static FileImportPlan Plan(string fileName, string contentHash, PageDumpReading reading, StoredFile? stored)
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

        var state = stored is null
            ? FileImportState.New
            : stored.ContentHash == contentHash && added.Count == 0 && updated.Count == 0 && removed.Count == 0 && conflicts.Count == 0
                ? FileImportState.Unchanged
                : FileImportState.Changed;
        return new FileImportPlan(fileName, state, null, parsed, added, updated, removed, unchanged, conflicts) { Encoding = reading.Encoding };
    }

    // A stored article named as ImportKeys.TitleOf names a parsed one: photo news and briefs have no headline.
    private static string? TitleOf(Article article) =>
        article.Headline
        ?? (article.Body.Length > 0
            ? article.Body[..Math.Min(article.Body.Length, 30)]
            : article.Photos.OrderBy(p => p.Order).Select(p => p.Title ?? p.Caption).FirstOrDefault());
}
