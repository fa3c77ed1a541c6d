using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsRoom.Web.Accounts;

internal static class TwoFactorServiceCollectionExtensions
{
    /// <summary>The two-factor pages' folder: setting up, recovery codes, turning it off.</summary>
    public const string PagesFolder = "/Account/TwoFactor";

    /// <summary>The login's second step, where a code is asked for after the right password.</summary>
    public const string LoginStepPage = "/Account/LoginWithCode";

    /// <summary>Where an admin who must turn two-factor sign-in on is sent.</summary>
    public const string SetupPath = "/account/twofactor/setup";

    /// <summary>
    /// Authenticator (TOTP) sign-in with recovery codes, on Identity's own token providers: the pages' folder open to
    /// any signed-in account, every code entry rate limited like the login, and the check that keeps an admin without
    /// it out of the desk and the console when <see cref="AccountsOptions.RequireTwoFactorForAdmins"/> is on.
    /// </summary>
    public static IServiceCollection AddNewsRoomTwoFactor(this IServiceCollection services)
    {
        // PostConfigure: the framework's own setup of these options starts a new conventions collection, so conventions
        // configured before AddRazorPages runs would be dropped.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            // Any signed-in account, without the editor policy: that policy sends an admin without two-factor sign-in
            // here, so holding this folder to it would send the admin round in a circle.
            options.Conventions.AuthorizeFolder(PagesFolder);
            // A six-digit code is guessed faster than a password: its forms share the login's limit per address.
            var rateLimit = new EnableRateLimitingAttribute(AccountsServiceCollectionExtensions.LoginRateLimit);
            options.Conventions.AddFolderApplicationModelConvention(PagesFolder, model => model.EndpointMetadata.Add(rateLimit));
            options.Conventions.AddPageApplicationModelConvention(LoginStepPage, model => model.EndpointMetadata.Add(rateLimit));
        });
        services.AddScoped<IAuthorizationHandler, AdminTwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        return services;
    }
}
