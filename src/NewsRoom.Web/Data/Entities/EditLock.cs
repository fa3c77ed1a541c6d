namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// Who has a story's edit form open, and since when: others see "X 正在编辑". One row per story; a lock whose holder
/// stopped renewing it is free again (Desk/EditLocks).
/// </summary>
public class EditLock
{
    public int ArticleId { get; set; }

    /// <summary>The holder's account name.</summary>
    public required string HeldBy { get; set; }

    /// <summary>The holder's name as the desk shows it.</summary>
    public string? HolderName { get; set; }

    /// <summary>When the holder took it (UTC).</summary>
    public DateTime Since { get; set; }

    /// <summary>When the holder's form last said it is still open (UTC).</summary>
    public DateTime RenewedAt { get; set; }
}
