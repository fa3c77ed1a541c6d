using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

/// <summary>
/// Counts a failed login in one statement, so two nodes (or two requests) failing at once for the same name and
/// network both count, and neither trips over the other's new row.
/// </summary>
internal static class LoginFailureCounter
{
    /// <summary>
    /// Adds a failure for the pair: the count starts again at 1 when the last failure is older than
    /// <paramref name="windowStart"/>. Rows untouched since <paramref name="forgetBefore"/> are deleted on the way.
    /// </summary>
    public static Task CountAsync(NewsRoomDb db, string loginHash, string clientNetwork, DateTime now, DateTime windowStart, DateTime forgetBefore, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO LoginFailures (LoginHash, ClientNetwork, Failures, LastFailedAt) VALUES ({loginHash}, {clientNetwork}, 1, {now})
            ON CONFLICT (LoginHash, ClientNetwork) DO UPDATE SET
                Failures = CASE WHEN LastFailedAt < {windowStart} THEN 1 ELSE Failures + 1 END,
                LastFailedAt = excluded.LastFailedAt;
            DELETE FROM LoginFailures WHERE LastFailedAt < {forgetBefore};
            """, cancellationToken);
}
