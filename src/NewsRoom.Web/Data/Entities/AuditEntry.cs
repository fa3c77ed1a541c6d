namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// One thing someone did, written in the same transaction as the thing itself and never changed afterwards (the
/// store refuses updates, and deletes of rows younger than the legal minimum: see the AuditTrail migration).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The account's id, when a signed-in person did it; kept after the account is deleted.</summary>
    public string? ActorId { get; set; }

    /// <summary>Who, as shown: the account's e-mail at the time, a typed login name, or a system actor (定时发布, 命令行).</summary>
    public required string Actor { get; set; }

    /// <summary>The client's address as the site sees it after its trusted proxies; none for background work.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>What was done: one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>The story it was done to, if any.</summary>
    public int? ArticleId { get; set; }

    /// <summary>What else it was done to, as shown: an account's e-mail, an import run, a file.</summary>
    public string? Target { get; set; }

    /// <summary>A short before → after summary.</summary>
    public string? Summary { get; set; }
}
