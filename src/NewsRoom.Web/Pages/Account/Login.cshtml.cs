using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle, DecoyPassword decoy, AuditTrail audit) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Failures are counted per typed name and client network, never against the account itself (LoginThrottle).
        var attempt = throttle.For(Input.Email, HttpContext.Connection.RemoteIpAddress);
        var wait = await throttle.WaitLeftAsync(attempt);
        if (wait > TimeSpan.Zero)
        {
            ModelState.AddModelError(string.Empty, LoginThrottle.RefusedMessage(wait));
            await audit.RecordAsync(AuditActions.SignInRefused, summary: LoginThrottle.RefusedMessage(wait), actor: Input.Email);
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email) ?? await users.FindByNameAsync(Input.Email);
        if (user is null)
        {
            // The hash work a real account's password costs, so the time taken does not tell who has an account.
            decoy.Verify(Input.Password);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await throttle.ForgetAsync(attempt);
                await audit.RecordAsync(AuditActions.SignInSucceeded, actor: user.Email, actorId: user.Id);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/editor");
            }
            if (result.RequiresTwoFactor)
            {
                // The password was right; Identity keeps who it was for in a short cookie of its own until the code comes.
                return RedirectToPage("/Account/LoginWithCode", new { ReturnUrl, Input.RememberMe });
            }
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Refused before the password was checked: the same hash work as any other failure, so a locked account
                // takes as long as a wrong password.
                decoy.Verify(Input.Password);
            }
        }
        await throttle.CountFailureAsync(attempt);
        // Known and unknown names write the same row, so this costs them the same time too.
        await audit.RecordAsync(AuditActions.SignInFailed, summary: user is null ? "无此账户" : "密码错误或账户已锁定", actor: Input.Email, actorId: user?.Id);
        // The same message for an unknown name, a wrong password and a locked account, so the form does not reveal
        // who has an account.
        ModelState.AddModelError(string.Empty, "邮箱或密码不正确。");
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入邮箱")]
        [Display(Name = "邮箱")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入密码")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "记住我")]
        public bool RememberMe { get; set; }
    }
}
