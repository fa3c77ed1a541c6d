using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Accounts;

/// <summary>The session the request is signed in with (its row id), for the sessions page to mark and to end.</summary>
public sealed record CurrentSession(string Id);

/// <summary>Ending sessions: all of an account's when its rights change, or one its owner picks.</summary>
public sealed class UserSessions(NewsRoomDb db)
{
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends one session, only if it is this account's.</summary>
    public Task<int> EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
}
