using System.Security.Claims;

namespace NewsRoom.Web.Audit;

/// <summary>
/// Adds audit rows to the request's unit of work: the caller's own SaveChanges (or its transaction) writes the row
/// with the action, so an action that fails leaves no row and a row never lacks its action. Who and from where come
/// from the request (its address after the trusted proxies); background work names itself.
/// </summary>
public sealed class AuditTrail(NewsRoomDb db, IHttpContextAccessor http, TimeProvider clock)
{
    // Long enough for any e-mail or summary a person reads; a hostile 1 MB login name is cut, not stored whole.
    internal const int ActorLength = 256;
    internal const int TargetLength = 256;
    internal const int SummaryLength = 1000;

    /// <summary>Adds a row for what the signed-in person (or <paramref name="actor"/>, for work without one) did.</summary>
    public AuditEntry Add(string action, string? target = null, string? summary = null, int? articleId = null, string? actor = null, string? actorId = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId ?? (signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null),
            Actor = Cut(actor ?? (signedIn ? user!.Identity!.Name : null) ?? "匿名", ActorLength)!,
            ClientAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            ArticleId = articleId,
            Target = Cut(target, TargetLength),
            Summary = Cut(summary, SummaryLength),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Adds a row and writes it at once: for actions that have no save of their own (a sign-in, a backup).</summary>
    public async Task RecordAsync(string action, string? target = null, string? summary = null, string? actor = null, string? actorId = null, CancellationToken cancellationToken = default)
    {
        Add(action, target, summary, actor: actor, actorId: actorId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
