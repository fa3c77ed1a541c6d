namespace NewsRoom.Web.Data.Entities;

/// <summary>One run of the importer over one or more files: who, when, what it did.</summary>
public class ImportRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? StartedBy { get; set; }
    public bool DryRun { get; set; }
    public ImportRunState State { get; set; }
    public int FilesTotal { get; set; }

    /// <summary>Files with an outcome so far; counted up in each file's own transaction, with its <see cref="ImportRunFile"/>.</summary>
    public int FilesDone { get; set; }
    public int ArticlesDone { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// One file's outcome in a run, for the run page, the history and its download. A stored file's outcome is written in
/// the transaction that stores its articles, so after a crash the run tells exactly which files went in.
/// </summary>
public class ImportRunFile
{
    public int Id { get; set; }
    public int ImportRunId { get; set; }
    public string FileName { get; set; } = string.Empty;
    public bool Succeeded { get; set; }

    /// <summary>The file's whole result (counts, warnings, unplaced text) as JSON.</summary>
    public string ResultJson { get; set; } = "{}";
}

public enum ImportRunState
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Left queued or running by a process that stopped; its files' outcomes say how far it got.</summary>
    Interrupted,
}
