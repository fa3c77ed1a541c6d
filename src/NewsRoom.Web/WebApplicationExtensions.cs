using Microsoft.Extensions.Options;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace NewsRoom.Web;

internal static class WebApplicationExtensions
{
    public const string LoginRateLimit = "login";

    /// <summary>Razor Pages by audience: Pages/ for readers, Pages/Editor for editors, Pages/Admin for admins.</summary>
    public static IServiceCollection AddNewsRoomPages(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Editor, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(options =>
        {
            // Authorization is set once per folder, never remembered page by page.
            options.Conventions.AuthorizeFolder("/Editor", Roles.Editor);
            options.Conventions.AuthorizeFolder("/Admin", Roles.Admin);
            options.Conventions.AddPageApplicationModelConvention("/Account/Login", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(LoginRateLimit)));
        }).AddMvcOptions(Pages.ChineseValidationMessages.Apply);
        services.AddRouting(options => options.LowercaseUrls = true);
        // Chinese is written as itself, not as &#x...; entities: a third of the page weight and unreadable source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Login attempts are rate limited per client address on top of Identity's per-account lockout,
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
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // The site may sit behind a TLS proxy on this machine: trust its X-Forwarded-* so cookies are Secure over HTTPS.
        services.AddNewsRoomForwardedHeaders();
        services.AddOutputCache(options =>
        {
            // A paper's hot pages (the front page, the leagues, the day's stories) are a few hundred: 32 MB holds thousands.
            // The default of 100 MB would let one crawler walking the archive hold that much memory for ten minutes.
            options.SizeLimit = 32 * 1024 * 1024;
            options.AddPolicy(ReaderCache.AllTag, policy => policy.Expire(TimeSpan.FromMinutes(10)).Tag(ReaderCache.AllTag));
        });
        return services;
    }

    public static async Task InitializeNewsRoomAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(importSeeds: true).ConfigureAwait(false);
    }

    private const string AuthenticationPlacedKey = "__AuthenticationMiddlewareSet";

    private static bool MaySignIn(HttpContext context) =>
        context.Request.Headers.Cookie.Count > 0 || context.Request.Headers.Authorization.Count > 0;

    public static void UseNewsRoomPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Given the site's logger, request logging takes it once; without it, it asks the static logger for a new one
        // on every request.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        // Compression, then static files with long cache lifetimes for fingerprinted addresses.
        app.UseNewsRoomDelivery();
        app.UseRouting();
        // Accounts sign in by cookie only, so a request without a Cookie (or Authorization) header is an anonymous reader
        // whatever the handler says; asking it anyway made a handler, its tasks and an empty identity per request, a
        // fifth of what a cached page allocated (bench/README, fifth pass).
        app.UseWhen(MaySignIn, branch => branch.UseAuthentication());
        // WebApplication puts authentication at the head of the pipeline unless UseAuthentication marked the app as
        // having it; the mark above went on the branch, so it is set here (ASP.NET Core's own key for that mark).
        ((IApplicationBuilder)app).Properties[AuthenticationPlacedKey] = true;
        app.UseAuthorization();
        app.UseRateLimiter();
        var options = app.Services.GetRequiredService<IOptions<NewsRoomOptions>>().Value;
        if (options.OutputCache)
        {
            app.UseOutputCache();
        }
        if (options.ServeCacheHitsOnSocketThreads)
        {
            // A cache hit has been served by now; pages, endpoints and the database may block, so they leave the event threads.
            app.UseThreadPoolBeyondHere();
        }
        app.MapRazorPages();
        app.MapHealthChecks("/healthz");
        app.MapDatabaseBackup();
    }
}
