using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Pages.Account.TwoFactor;

/// <summary>Whether the account signs in with a code, and the ways to set it up, renew the recovery codes or turn it off.</summary>
public class IndexModel(UserManager<AppUser> users, IOptions<NewsRoomOptions> options) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The account is an admin's and the site requires two-factor sign-in of admins.</summary>
    public bool Required { get; private set; }

    /// <summary>Set after turning it off, for the notice.</summary>
    [BindProperty(SupportsGet = true)]
    public bool TurnedOff { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Required = options.Value.Accounts.RequireTwoFactorForAdmins && await users.IsInRoleAsync(user, Roles.Admin);
        return Page();
    }
}
