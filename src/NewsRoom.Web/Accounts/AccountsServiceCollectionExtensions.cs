using Microsoft.AspNetCore.Mvc;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Accounts;

internal static class AccountsServiceCollectionExtensions
{
    /// <summary>The rate limiter policy on the login page's POSTs.</summary>
    public const string LoginRateLimit = "login";

    /// <summary>
    /// Identity accounts kept in the store, signed in by cookie with the sessions in the store; the keys that protect
    /// the cookies, kept in the store too; the editor and admin policies; the login throttle and rate limit; and the
    /// first admin, made on start.
    /// </summary>
    public static IServiceCollection AddNewsRoomAccounts(this IServiceCollection services)
    {
        // Keys kept in the store survive a restart and a new release, so people stay logged in. The application name
        // is fixed: the default is the content root, which changes with each release's folder.
        services.AddDataProtection()
            .SetApplicationName("NewsRoom")
            .PersistKeysToDbContext<NewsRoomDb>();
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                // Locks are an admin's decision (/admin/users). Failed passwords never lock an account, or anyone could
                // lock anyone out: LoginThrottle refuses the guessing name-and-network pair instead.
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<NewsRoomDb>()
            .AddDefaultTokenProviders();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Desk, p => p.RequireRole(Roles.All).AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Editor, Roles.ChiefEditor, Roles.Admin).AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(Policies.ChiefEditor, p => p.RequireRole(Roles.ChiefEditor, Roles.Admin).AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(new AdminTwoFactorRequirement()));
        // Page handlers that need more than their folder's policy say so with [HandlerPolicy].
        services.Configure<MvcOptions>(options => options.Filters.Add<HandlerPolicyFilter>());
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // The cookie carries only a session key; the session itself, checked against the account on every request that
        // carries the cookie, is a row in the store (DatabaseTicketStore). That check compares the security stamp each
        // time, so Identity's own validator (every 30 minutes) only refreshes the claims of sessions still valid.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        services.AddScoped<UserSessions>();
        services.AddScoped<LoginThrottle>();
        services.AddSingleton<DecoyPassword>();
        // Login attempts are rate limited per client address on top of LoginThrottle's per name-and-network count,
        // so trying many accounts from one place is slow too. Showing the form is never limited.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("form");
                }
                var perMinute = context.RequestServices.GetRequiredService<IOptions<NewsRoomOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        services.AddScoped<FirstAdmin>();
        return services;
    }
}
