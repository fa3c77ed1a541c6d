using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Desk;

/// <summary>Who holds a story's edit lock, and since when.</summary>
public sealed record LockHolder(string HeldBy, string? HolderName, DateTime Since);

/// <summary>
/// The edit lock: opening a story's form takes it when it is free, others see who holds it, an editor may take it over,
/// and it frees itself when the holder's form stops renewing it. It only tells people about each other: saving never
/// asks for it, and two saves that cross are still caught by the article's ConcurrencyStamp.
/// </summary>
public sealed class EditLocks(NewsRoomDb db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>
    /// How long a lock lasts without renewal. The form's script renews it every minute; without script a person is
    /// shown as editing for this long after opening the form, which is about how long a short edit takes.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    /// <summary>Takes the lock for <paramref name="user"/> unless someone else holds it; returns the other holder, or null when taken.</summary>
    public async Task<LockHolder?> TryTakeAsync(int articleId, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.EditLocks.SingleOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);
        if (held is not null && held.HeldBy != user && !IsExpired(held, now))
        {
            return new LockHolder(held.HeldBy, held.HolderName, held.Since);
        }
        await HoldAsync(held, articleId, user, now, cancellationToken);
        return null;
    }

    /// <summary>Takes the lock from whoever holds it; the take-over is audited, so the one who lost it can learn who.</summary>
    public async Task TakeOverAsync(int articleId, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.EditLocks.SingleOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);
        if (held is not null && held.HeldBy != user && !IsExpired(held, now))
        {
            audit.Add(AuditActions.ArticleLockTakenOver, summary: $"接管 {held.HolderName ?? held.HeldBy} 正在编辑的稿件", articleId: articleId);
        }
        await HoldAsync(held, articleId, user, now, cancellationToken);
    }

    /// <summary>Renews the caller's lock; false when someone else has it now (taken over, or taken after it expired).</summary>
    public async Task<bool> RenewAsync(int articleId, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.EditLocks.SingleOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);
        if (held is null || held.HeldBy != user)
        {
            return held is null && await TryTakeAsync(articleId, user, cancellationToken) is null;
        }
        held.RenewedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The live lock of someone other than <paramref name="user"/>, or null.</summary>
    public async Task<LockHolder?> OtherHolderAsync(int articleId, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.EditLocks.AsNoTracking().SingleOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);
        return held is not null && held.HeldBy != user && !IsExpired(held, now) ? new LockHolder(held.HeldBy, held.HolderName, held.Since) : null;
    }

    private static bool IsExpired(EditLock held, DateTime now) => held.RenewedAt + Expiry <= now;

    private async Task HoldAsync(EditLock? held, int articleId, string user, DateTime now, CancellationToken cancellationToken)
    {
        // Others read who holds it by the name the desk shows, not by a login name.
        var name = await db.Users.Where(u => u.UserName == user).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (held is null)
        {
            db.EditLocks.Add(new EditLock { ArticleId = articleId, HeldBy = user, HolderName = name, Since = now, RenewedAt = now });
        }
        else
        {
            if (held.HeldBy != user || IsExpired(held, now))
            {
                held.Since = now;
            }
            held.HeldBy = user;
            held.HolderName = name;
            held.RenewedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (held is null)
        {
            // Two people opened a free story at the same moment: the first insert won, and holds it.
            db.ChangeTracker.Clear();
        }
    }
}
