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
    public int FilesDone { get; set; }
    public int ArticlesDone { get; set; }

    /// <summary>The per-file results as JSON, for the history page and its download.</summary>
    public string ResultJson { get; set; } = "[]";
    public string? Error { get; set; }
}

public enum ImportRunState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
