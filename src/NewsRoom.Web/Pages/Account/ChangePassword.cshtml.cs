using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account;

// The Account folder is open for the login page, so this one page asks for a signed-in user itself.
[Authorize]
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, IdentityErrorText.Describe(error));
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { done = true });
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "请输入当前密码")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入新密码")]
        [StringLength(100, MinimumLength = 10, ErrorMessage = "新密码至少 10 个字符")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string NewPassword { get; set; } = string.Empty;

        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
        [DataType(DataType.Password)]
        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
