using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account;

// Logging out is a POST only (a link or image could otherwise log an editor out); GET shows the button.
// The token is checked here rather than by the site-wide filter: a page loaded before its session was ended elsewhere
// (退出所有设备, a lock, a password reset) carries a token made for a person the request no longer is, and pressing its
// 退出 should say "you are out", not 400. Only a request that still has a session has anything to protect.
[IgnoreAntiforgeryToken]
public class LogoutModel(SignInManager<AppUser> signIn, IAntiforgery antiforgery, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.SignedOut);
        }
        // Also for a request without a session: it clears the browser's stale cookie.
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
