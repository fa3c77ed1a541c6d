using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
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
        var user = await users.FindByEmailAsync(Input.Email) ?? await users.FindByNameAsync(Input.Email);
        if (user is not null)
        {
            // Counting failures toward the lockout (5 tries, then 15 minutes) is what stops password guessing.
            var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/editor");
            }
            if (result.RequiresTwoFactor)
            {
                // The password was right; Identity keeps who it was for in a short cookie of its own until the code comes.
                return RedirectToPage("/Account/LoginWithCode", new { ReturnUrl, Input.RememberMe });
            }
            if (result.IsLockedOut)
            {
                ModelState.AddModelError(string.Empty, "登录失败次数过多，账户已暂时锁定，请稍后再试。");
                return Page();
            }
        }
        // The same message whether the account exists or not, so the form does not reveal who has one.
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
