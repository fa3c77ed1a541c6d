using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account.TwoFactor;

/// <summary>Turning two-factor sign-in off, on a current code or the password: a session left open is not enough.</summary>
public class DisableModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public DisableInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        return await users.GetTwoFactorEnabledAsync(user) ? Page() : RedirectToPage("Index");
    }

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
        var code = AuthenticatorSetup.DigitsOf(Input.Code);
        if (code.Length == 0 && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, "请输入验证码或当前密码。");
            return Page();
        }
        // Guesses here count toward the account's lockout like those at the login, so an open session cannot try
        // every six-digit code.
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty, "验证失败次数过多，请稍后再试。");
            return Page();
        }
        var proven = code.Length > 0
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, Input.Password!);
        if (!proven)
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(string.Empty, code.Length > 0 ? "验证码不正确或已过期。" : "密码不正确。");
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so a copy of the old one (in an old phone, say) is worthless if it is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        // Both changes renewed the security stamp, which ends the account's other sessions; this one is renewed so it stays.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("Index", new { turnedOff = true });
    }

    public sealed class DisableInput
    {
        [Display(Name = "验证码")]
        public string? Code { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string? Password { get; set; }
    }
}
