using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Accounts;

/// <summary>
/// Keeps login sessions in the store (<see cref="UserSession"/>); the cookie carries only a random key. Every
/// request with a login cookie reads its row joined with the account, in one query: a session is over when its row
/// is gone (logout, 退出所有设备, an admin's lock, demotion, reset or deletion), when the account's security stamp has
/// moved on since it was signed in, or when the account is locked. So losing rights takes effect on the very next
/// request, on every web node. Requests without the cookie (readers) never get here.
/// </summary>
internal sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity) : ITicketStore
{
    // The last-seen time shown on the sessions page is this precise, so a busy editor does not write on every click.
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    // Until the cookie handler says otherwise (it always does, from its ExpireTimeSpan).
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    private const int UserAgentLength = 512;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await StoreAsync(Db(scope.ServiceProvider), ticket, null, cancellationToken);
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(Db(httpContext.RequestServices), ticket, httpContext, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await RenewAsync(Db(scope.ServiceProvider), key, ticket, cancellationToken);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(Db(httpContext.RequestServices), key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await RetrieveAsync(Db(scope.ServiceProvider), key, null, cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(Db(httpContext.RequestServices), key, httpContext, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await RemoveAsync(Db(scope.ServiceProvider), key, cancellationToken);
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RemoveAsync(Db(httpContext.RequestServices), key, cancellationToken);

    /// <summary>The row id of a cookie's key: its SHA-256, so the store never holds a usable key.</summary>
    internal static string IdOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static NewsRoomDb Db(IServiceProvider services) => services.GetRequiredService<NewsRoomDb>();

    private async Task<string> StoreAsync(NewsRoomDb db, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var (userId, stamp) = AccountOf(ticket.Principal);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var session = new UserSession
        {
            Id = IdOf(key),
            UserId = userId,
            SecurityStamp = stamp,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
            ClientAddress = httpContext is null ? null : ClientAddressOf(httpContext),
            UserAgent = httpContext is null ? null : Truncate(httpContext.Request.Headers.UserAgent.ToString(), UserAgentLength),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        // The request's context goes on to serve the page; it has no use for the row.
        db.Entry(session).State = EntityState.Detached;
        // The account's ended sessions (expired, or signed in under an older stamp) are tidied away at each login.
        var accountStamp = db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp);
        await db.UserSessions
            .Where(s => s.UserId == userId && (s.ExpiresAt <= now || !accountStamp.Contains(s.SecurityStamp)))
            .ExecuteDeleteAsync(cancellationToken);
        return key;
    }

    private async Task RenewAsync(NewsRoomDb db, string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        // A renewal never brings back a session that was ended meanwhile: it only updates a row that is still there.
        var (userId, stamp) = AccountOf(ticket.Principal);
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, now);
        var id = IdOf(key);
        await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set
            // Another account signing in on the same browser renews the old key: the session is then a new one.
            .SetProperty(s => s.CreatedAt, s => s.UserId == userId ? s.CreatedAt : now)
            .SetProperty(s => s.UserId, userId)
            .SetProperty(s => s.SecurityStamp, stamp)
            .SetProperty(s => s.Ticket, bytes)
            .SetProperty(s => s.ExpiresAt, expires)
            .SetProperty(s => s.LastSeenAt, now), cancellationToken);
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(NewsRoomDb db, string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        var now = clock.GetUtcNow();
        var utcNow = now.UtcDateTime;
        var session = await (
                from s in db.UserSessions
                join u in db.Users on s.UserId equals u.Id
                where s.Id == id
                select new { s.Ticket, s.LastSeenAt, s.ClientAddress, s.ExpiresAt, StampIsCurrent = s.SecurityStamp == u.SecurityStamp, u.LockoutEnd })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }
        if (session.ExpiresAt <= utcNow || !session.StampIsCurrent || session.LockoutEnd > now)
        {
            // Whatever ended it (expiry, a new stamp, a lock), the row will never sign anyone in again.
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        var address = httpContext is null ? session.ClientAddress : ClientAddressOf(httpContext);
        if (utcNow - session.LastSeenAt >= LastSeenPrecision || address != session.ClientAddress)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastSeenAt, utcNow)
                .SetProperty(s => s.ClientAddress, address), cancellationToken);
        }
        httpContext?.Features.Set(new CurrentSession(id));
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    private static async Task RemoveAsync(NewsRoomDb db, string key, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    // Kestrel listening on both families reports IPv4 clients as ::ffff:a.b.c.d; people know them as a.b.c.d.
    private static string? ClientAddressOf(HttpContext httpContext) =>
        httpContext.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4().ToString() : httpContext.Connection.RemoteIpAddress?.ToString();

    private (string UserId, string Stamp) AccountOf(ClaimsPrincipal principal)
    {
        var claims = identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp))
        {
            // Only SignInManager signs in with this cookie, and its principal always carries both.
            throw new InvalidOperationException("A login session needs the account's id and security stamp among its claims.");
        }
        return (userId, stamp);
    }

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + DefaultLifetime;

    private static string? Truncate(string value, int length) =>
        value.Length == 0 ? null : value.Length <= length ? value : value[..length];
}
