using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NewsRoom.Web.Pages.Account.TwoFactor;

/// <summary>
/// New recovery codes, shown once: they reach this page through TempData (an encrypted cookie read once), so the
/// POST that made them can redirect and a reload does not show them again.
/// </summary>
public class RecoveryCodesModel(UserManager<AppUser> users) : PageModel
{
    private const string TempDataKey = "NewRecoveryCodes";

    /// <summary>The codes just made; empty when none were made on the way here.</summary>
    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    public int CodesLeft { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where to go on from here: the page an admin was on the way to, else the account's two-factor page.</summary>
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/twofactor";

    public static void Keep(ITempDataDictionary tempData, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[TempDataKey] = codes.ToArray();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("Index");
        }
        NewCodes = TempData[TempDataKey] as string[] ?? [];
        CodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    /// <summary>Replaces every recovery code: the old ones, used or not, stop working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("Index");
        }
        Keep(TempData, await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SetupModel.RecoveryCodeCount) ?? []);
        return RedirectToPage(new { ReturnUrl });
    }
}
