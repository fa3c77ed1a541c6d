using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account.TwoFactor;

/// <summary>Turning two-factor sign-in on: scan the key, prove it with a code, then see the recovery codes once.</summary>
public class SetupModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>How many recovery codes a person is given at a time.</summary>
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    /// <summary>Where an admin sent here on the way to a page goes once it is on.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The authenticator key in groups of four, for typing in by hand.</summary>
    public string GroupedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("Index");
        }
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("Index");
        }
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        var code = AuthenticatorSetup.DigitsOf(Input.Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "验证码不正确。请确认已扫描本页的二维码、手机时间准确，再输入当前显示的 6 位数字。");
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        // Turning it on renews the security stamp, which ends the account's other sessions; this one is renewed so it stays.
        await signIn.RefreshSignInAsync(user);
        RecoveryCodesModel.Keep(TempData, codes);
        return RedirectToPage("RecoveryCodes", new { ReturnUrl });
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The new key renewed the security stamp; the session is renewed with it so it is not ended at the next check.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key");
        }
        GroupedKey = AuthenticatorSetup.Grouped(key);
        var email = await users.GetEmailAsync(user) ?? await users.GetUserNameAsync(user) ?? user.Id;
        QrCodeDataUri = AuthenticatorSetup.QrCodePngDataUri(AuthenticatorSetup.OtpAuthUri(email, key));
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "请输入验证器应用显示的 6 位验证码")]
        [Display(Name = "验证码")]
        public string Code { get; set; } = string.Empty;
    }
}
