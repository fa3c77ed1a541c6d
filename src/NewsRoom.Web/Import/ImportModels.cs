namespace NewsRoom.Web.Import;

/// <summary>A page dump to import: its name, its bytes and where it came from.</summary>
public sealed record ImportSource(string FileName, byte[] Bytes, IssueOrigin Origin)
{
    private Lazy<PageDumpReading> _reading = new(() => PageDump.Read(FileName, Bytes));

    /// <summary>
    /// The bytes with a reading made elsewhere, such as a parse recorded by an earlier parser or the parse of the same
    /// bytes that <see cref="ImportFiles"/> kept: imported exactly as if the parser had read the bytes that way.
    /// The importer's only way in besides its own parse.
    /// </summary>
    public static ImportSource WithReading(string fileName, byte[] bytes, IssueOrigin origin, PageDumpReading reading) =>
        new(fileName, bytes, origin) { _reading = new Lazy<PageDumpReading>(reading) };

    /// <summary>The bytes decoded and parsed, once, by whichever thread asks first (see <see cref="ReadAhead"/>).</summary>
    public PageDumpReading Reading => _reading.Value;

    /// <summary>
    /// Parses on another thread, so a run of many files parses the next page on the second core while the store writes
    /// this one: parsing is a tenth of an import's time, and the writes cannot be spread over cores.
    /// </summary>
    public ImportSource ReadAhead()
    {
        _ = Task.Run(() => _reading.Value);
        return this;
    }
}

/// <summary>Where a file stands against the store.</summary>
public enum FileImportState
{
    /// <summary>No issue of this name has been imported.</summary>
    New,
    /// <summary>Imported, and importing it again would change nothing.</summary>
    Unchanged,
    /// <summary>Imported, and the bytes or their reading differ from what is stored.</summary>
    Changed,
    /// <summary>The bytes are not a page dump the parser can read.</summary>
    Unreadable,
}

/// <summary>An item an import would add, merge in place, take down or leave.</summary>
public sealed record PlannedArticle(string ImportKey, int? ArticleId, ArticleKind Kind, string? Title)
{
    /// <summary>The item's place in the parsed issue's articles; null for a stored article the new reading no longer has.</summary>
    public int? Position { get; init; }
}

/// <summary>An article edited since its import whose newly parsed version differs: the admin chooses.</summary>
public sealed record ArticleConflict(string ImportKey, int ArticleId, ArticleSnapshot Edited, ParsedArticle? Parsed)
{
    /// <summary>The parsed item's place in the issue's articles; null when the new reading no longer has the article.</summary>
    public int? Position { get; init; }
}

/// <summary>What importing one file would do, computed without changing anything (the preview).</summary>
public sealed record FileImportPlan(
    string FileName,
    FileImportState State,
    string? Error,
    ParsedIssue? Parsed,
    IReadOnlyList<PlannedArticle> Added,
    IReadOnlyList<PlannedArticle> Updated,
    IReadOnlyList<PlannedArticle> Removed,
    IReadOnlyList<PlannedArticle> Unchanged,
    IReadOnlyList<ArticleConflict> Conflicts)
{
    /// <summary>The encoding the bytes were read in.</summary>
    public string? Encoding { get; init; }

    /// <summary>The stored page this file updates or repeats; null when it would be a new page.</summary>
    public int? IssueId { get; init; }

    /// <summary>The stored page's file name when this file is the same page under another name or encoding.</summary>
    public string? CopyOf { get; init; }

    /// <summary>Where the page is filed by this import: paper, day, 版次, 版名.</summary>
    public PageFiling? Filing { get; init; }

    /// <summary>The filing is an admin's, kept by later imports.</summary>
    public bool FiledByAdmin { get; init; }
}

/// <summary>For an edited article whose import changed: keep the editor's version (the default) or take the import.</summary>
public enum ConflictChoice
{
    KeepEdit,
    TakeImport,
}

/// <summary>What an import of one file did.</summary>
public sealed record FileImportResult(
    string FileName,
    bool Succeeded,
    string? Error,
    int? IssueId,
    int Added,
    int Updated,
    int Removed,
    int Unchanged,
    int ConflictsKept,
    int ConflictsOverwritten,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Unplaced)
{
    public static FileImportResult Failed(string fileName, string error) =>
        new(fileName, false, error, null, 0, 0, 0, 0, 0, 0, [], []);

    /// <summary>One line for logs and the command line.</summary>
    public string Summary => Succeeded
        ? $"{FileName}: 新增 {Added}, 合并 {Updated}, 下线 {Removed}, 未变 {Unchanged}, 保留编辑 {ConflictsKept}, 覆盖编辑 {ConflictsOverwritten}, 警告 {Warnings.Count}, 未归位 {Unplaced.Count}"
        : $"{FileName}: 失败: {Error}";
}
