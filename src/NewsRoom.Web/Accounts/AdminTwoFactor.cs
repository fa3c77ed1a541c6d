using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Accounts;

/// <summary>
/// Part of the editor and admin policies: when <see cref="AccountsOptions.RequireTwoFactorForAdmins"/> is on, an
/// admin's account must have two-factor sign-in turned on. Editors, and everyone while the setting is off, pass.
/// </summary>
public sealed class AdminTwoFactorRequirement : IAuthorizationRequirement;

internal sealed class AdminTwoFactorHandler(IOptions<NewsRoomOptions> options, UserManager<AppUser> users)
    : AuthorizationHandler<AdminTwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTwoFactorRequirement requirement)
    {
        if (!options.Value.Accounts.RequireTwoFactorForAdmins || !context.User.IsInRole(Roles.Admin))
        {
            context.Succeed(requirement);
            return;
        }
        // The account's state in the store, not a claim in the cookie: a session that started before two-factor
        // sign-in was turned on (the one that turned it on, say) is let in from that moment, and one whose account
        // turned it off is held back at once.
        var user = await users.GetUserAsync(context.User);
        if (user is not null && await users.GetTwoFactorEnabledAsync(user))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// An admin held back only for want of two-factor sign-in is sent to set it up, with the page asked for to return
/// to, instead of to the access-denied page; every other outcome is the framework's.
/// </summary>
internal sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<AdminTwoFactorRequirement>().Any() == true)
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(TwoFactorServiceCollectionExtensions.SetupPath + QueryString.Create("returnUrl", returnUrl));
            return Task.CompletedTask;
        }
        return _framework.HandleAsync(next, context, policy, authorizeResult);
    }
}
