using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Admin.Users;

/// <summary>
/// The newsroom's accounts, each with one role: 记者, 编辑, 总编辑 or 管理员. The last active admin can be neither demoted, locked nor deleted. Resetting a password,
/// locking, changing a role and deleting end the account's sessions at once.
/// </summary>
public class IndexModel(NewsRoomDb db, UserManager<AppUser> users, UserSessions sessions, TimeProvider clock, AuditTrail audit) : PageModel
{
    public IReadOnlyList<UserRow> Accounts { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public NewAccount Input { get; set; } = new();

    public sealed record UserRow(string Id, string Email, string? DisplayName, string Role, bool IsLocked, bool TwoFactor);

    /// <summary>The role names as the page shows them, least trusted first.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Reporter => "记者",
        Roles.Editor => "编辑",
        Roles.ChiefEditor => "总编辑",
        Roles.Admin => "管理员",
        _ => role,
    };

    public sealed class NewAccount
    {
        [Required(ErrorMessage = "请填写电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
        [Display(Name = "电子邮箱")]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "显示名")]
        [StringLength(50, ErrorMessage = "显示名不能超过 50 个字。")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "请填写密码。")]
        [Display(Name = "初始密码")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "角色")]
        public string Role { get; set; } = Roles.Editor;
    }

    public async Task OnGetAsync() => await LoadAsync();

    // Each change to an account and its audit row are one transaction: Identity saves after each of its steps, so a
    // handler that ends in a redirect did all it said and is committed with its row; any other end (a refusal shown
    // on the page) leaves the store as it was.
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(context.HttpContext.RequestAborted);
        var executed = await next();
        if (executed.Exception is null && executed.Result is RedirectToPageResult)
        {
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            await transaction.CommitAsync(context.HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Roles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "请选择记者、编辑、总编辑或管理员。");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var user = new AppUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, DisplayName = Input.DisplayName };
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Input.Role);
        }
        if (!created.Succeeded)
        {
            return await FailAsync(created);
        }
        audit.Add(AuditActions.AccountCreated, user.Email, RoleName(Input.Role));
        Message = $"已创建账户 {Input.Email}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, string? newPassword)
    {
        if (!IsValidApartFromCreateForm())
        {
            await LoadAsync();
            return Page();
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(newPassword))
        {
            return await FailAsync("请填写新密码。");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return await FailAsync(reset);
        }
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.AccountPasswordReset, user.Email);
        Message = $"已重置 {user.Email} 的密码。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (!IsValidApartFromCreateForm())
        {
            await LoadAsync();
            return Page();
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (await IsLastActiveAdminAsync(user))
        {
            return await FailAsync("不能锁定最后一位管理员。");
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new stamp also ends what carries the old one; the sessions are ended outright.
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.AccountLocked, user.Email);
        Message = $"已锁定 {user.Email}。";
        return RedirectToPage();
    }

    // For a person who lost the phone with their authenticator app and their recovery codes: they sign in with the
    // password again and may set up a new app. The old key is replaced, so a code from the lost phone is worthless,
    // and every session (including one the finder of the phone might hold) ends.
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        if (!IsValidApartFromCreateForm())
        {
            await LoadAsync();
            return Page();
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.AccountTwoFactorReset, user.Email);
        Message = $"已关闭 {user.Email} 的两步验证，其所有登录已退出；对方可用密码登录后重新设置。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!IsValidApartFromCreateForm())
        {
            await LoadAsync();
            return Page();
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(AuditActions.AccountUnlocked, user.Email);
        Message = $"已解锁 {user.Email}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSetRoleAsync(string id, string? role)
    {
        if (!IsValidApartFromCreateForm())
        {
            await LoadAsync();
            return Page();
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (role is null || !Roles.All.Contains(role))
        {
            return await FailAsync("请选择记者、编辑、总编辑或管理员。");
        }
        if (role != Roles.Admin && await IsLastActiveAdminAsync(user))
        {
            return await FailAsync($"不能把最后一位管理员改为{RoleName(role)}。");
        }
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        if (!result.Succeeded)
        {
            return await FailAsync(result);
        }
        await users.UpdateSecurityStampAsync(user);
        // A session carries the roles it was signed in with: it ends, and the next login carries the new ones.
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.AccountRoleChanged, user.Email, $"{RoleName(HighestOf(current))} → {RoleName(role)}");
        Message = $"{user.Email} 现在是{RoleName(role)}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        if (!IsValidApartFromCreateForm())
        {
            await LoadAsync();
            return Page();
        }
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (await IsLastActiveAdminAsync(user))
        {
            return await FailAsync("不能删除最后一位管理员。");
        }
        // The account's sessions are deleted with it (a cascading foreign key).
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return await FailAsync(deleted);
        }
        audit.Add(AuditActions.AccountDeleted, user.Email);
        Message = $"已删除账户 {user.Email}。";
        return RedirectToPage();
    }

    // Every handler binds the create form's Input as well, and with none of its fields posted the binder falls back to
    // the bare names (Email, Password): those errors belong to the create handler alone. What the fields this form did
    // post were refused for (FormControlCharacters) stays, and is shown.
    private bool IsValidApartFromCreateForm()
    {
        var refused = ModelState
            .Where(e => e.Value is { Errors.Count: > 0 } && (e.Key.Length == 0 || Request.Form.ContainsKey(e.Key)) && !e.Key.StartsWith(nameof(Input) + ".", StringComparison.Ordinal))
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage)))
            .ToList();
        ModelState.Clear();
        foreach (var (key, message) in refused)
        {
            ModelState.AddModelError(key, message);
        }
        return refused.Count == 0;
    }

    // An account holds one role; each policy admits the roles above its own, so an admin needs no editor role beside it.
    // Accounts made before the four roles (the first admin held 管理员 and 编辑) count as their highest.
    private static string HighestOf(IEnumerable<string> held) => Roles.All.LastOrDefault(held.Contains) ?? "—";

    private async Task<bool> IsLastActiveAdminAsync(AppUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin) || IsLocked(user))
        {
            return false;
        }
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !IsLocked(a)) <= 1;
    }

    private bool IsLocked(AppUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    private Task<IActionResult> FailAsync(IdentityResult result) =>
        FailAsync(string.Join(" ", result.Errors.Select(IdentityErrorText.Describe)));

    private async Task<IActionResult> FailAsync(string error)
    {
        ModelState.AddModelError(string.Empty, error);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync();
        var now = clock.GetUtcNow();
        Accounts = rows.Select(u => new UserRow(u.Id, u.Email ?? u.Id, u.DisplayName, HighestOf(u.Roles.OfType<string>()), u.LockoutEnd is { } end && end > now, u.TwoFactorEnabled)).ToList();
    }
}
