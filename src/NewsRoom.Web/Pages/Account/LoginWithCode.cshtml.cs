using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account;

/// <summary>The login's second step for an account with two-factor sign-in: the authenticator's code, or a recovery code.</summary>
public class LoginWithCodeModel(SignInManager<AppUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The 记住我 of the password step, carried to the sign-in this step completes.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>No password step is pending (never done, or its cookie expired): the page says to start again.</summary>
    public bool NoPasswordStep { get; private set; }

    public async Task OnGetAsync() => NoPasswordStep = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var code = AuthenticatorSetup.DigitsOf(Input.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", "请输入验证器应用显示的 6 位验证码");
            return await PageAsync();
        }
        // Who the password step was for, read before the sign-in ends that step.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: Input.RememberDevice);
        return await OutcomeAsync(result, user, "验证器验证码", "Input.Code", "验证码不正确或已过期，请输入验证器应用当前显示的 6 位数字。");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var code = AuthenticatorSetup.RecoveryCodeOf(Input.RecoveryCode);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.RecoveryCode", "请输入一个恢复码");
            return await PageAsync();
        }
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return await OutcomeAsync(result, user, "恢复码", "Input.RecoveryCode", "恢复码不正确或已用过，每个恢复码只能使用一次。");
    }

    private async Task<IActionResult> OutcomeAsync(Microsoft.AspNetCore.Identity.SignInResult result, AppUser? user, string method, string field, string wrongCode)
    {
        if (user is not null)
        {
            await audit.RecordAsync(result.Succeeded ? AuditActions.SignInSucceeded : AuditActions.SignInFailed, summary: result.Succeeded ? method : $"{method}错误", actor: user.Email, actorId: user.Id);
        }
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/editor");
        }
        if (result.IsLockedOut)
        {
            // Wrong codes count toward Identity's lockout (5 tries, then 5 minutes): only someone who has the password gets here.
            ModelState.AddModelError(string.Empty, "验证失败次数过多，账户已暂时锁定，请稍后再试。");
        }
        else
        {
            ModelState.AddModelError(field, wrongCode);
        }
        return await PageAsync();
    }

    private async Task<IActionResult> PageAsync()
    {
        await OnGetAsync();
        return Page();
    }

    public sealed class CodeInput
    {
        [Display(Name = "验证码")]
        public string? Code { get; set; }

        [Display(Name = "记住此设备")]
        public bool RememberDevice { get; set; }

        [Display(Name = "恢复码")]
        public string? RecoveryCode { get; set; }
    }
}
