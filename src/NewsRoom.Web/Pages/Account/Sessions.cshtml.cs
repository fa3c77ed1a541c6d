using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Account;

/// <summary>Where the account is signed in: each session's start, last use, address and browser, each to end, or all at once.</summary>
// The Account folder is open for the login page, so this page asks for a signed-in user itself.
[Authorize]
public class SessionsModel(NewsRoomDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed record SessionRow(string Id, DateTime StartedAt, DateTime LastSeenAt, string? ClientAddress, string? UserAgent, bool IsCurrent)
    {
        public string Browser => BrowserText.Describe(UserAgent);
    }

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = HttpContext.Features.Get<CurrentSession>()?.Id;
        // The sessions that would still sign a request in: unexpired, and signed in under the account's current stamp.
        var rows = await (
                from s in db.UserSessions
                join u in db.Users on s.UserId equals u.Id
                where s.UserId == userId && s.ExpiresAt > now && s.SecurityStamp == u.SecurityStamp
                orderby s.LastSeenAt descending
                select new { s.Id, s.CreatedAt, s.LastSeenAt, s.ClientAddress, s.UserAgent })
            .AsNoTracking()
            .ToListAsync();
        Sessions = rows.Select(r => new SessionRow(r.Id, r.CreatedAt, r.LastSeenAt, r.ClientAddress, r.UserAgent, r.Id == current)).ToList();
    }

    public async Task<IActionResult> OnPostEndAsync(string id)
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }
        await sessions.EndAsync(userId, id);
        if (id == HttpContext.Features.Get<CurrentSession>()?.Id)
        {
            // Ending this browser's own session is logging out: the cookie goes too.
            await signIn.SignOutAsync();
            return LocalRedirect("/account/login");
        }
        Message = "已退出该设备。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAllAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // A new stamp also ends whatever else vouched for the old one (a password-reset link, a remembered device).
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id);
        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
