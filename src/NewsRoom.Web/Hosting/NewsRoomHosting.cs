using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace NewsRoom.Web.Hosting;

/// <summary>The site put together: each room registers its own services, and the pipeline runs them in order.</summary>
internal static class NewsRoomHosting
{
    /// <summary>The host with every room registered; the same for serving and for command mode.</summary>
    public static WebApplication Build(string[] args)
    {
        // The content root is the build output (settings, static assets manifest), not the caller's directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddNewsRoom();
        return builder.Build();
    }

    public static WebApplicationBuilder AddNewsRoom(this WebApplicationBuilder builder)
    {
        // Static files come from the project's wwwroot when run from source, in every environment, not just Development.
        builder.WebHost.UseStaticWebAssets();

        // Serilog: request logging and a console sink; logs go to standard error so command output stays clean.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture));

        // Settings under "NewsRoom", and the clock every room reads.
        builder.Services.AddOptions<NewsRoomOptions>().BindConfiguration(NewsRoomOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        // The store.
        builder.Services.AddNewsRoomData(builder.Configuration);

        // Accounts, their cookie, the editor and admin policies and the login rate limit.
        builder.Services.AddNewsRoomAccounts();

        // Optional authenticator codes at sign-in, with recovery codes; required of admins when the setting says so.
        builder.Services.AddNewsRoomTwoFactor();

        // The importer shared by first start, the command line and the admin console, and the console's background runs.
        builder.Services.AddNewsRoomImport();

        // The editors' workflow (save, publish, schedule, revisions) and the scheduler that publishes on time.
        builder.Services.AddNewsRoomDesk();

        // The reader site: its output cache is evicted on every save that touches articles.
        builder.Services.AddNewsRoomReader();

        // Pictures: the media store, their renditions made at upload, and the library.
        builder.Services.AddNewsRoomMedia();

        // Search over the FTS5 trigram index of published articles.
        builder.Services.AddNewsRoomSearch();

        // Health check and backup.
        builder.Services.AddNewsRoomOperations();

        // Who did what and when, written with each action; pruned by age.
        builder.Services.AddNewsRoomAudit();

        // Razor Pages by audience with folder-level authorization; response compression, static files, the
        // concurrency limit and the trusted proxies.
        builder.Services.AddNewsRoomPages();
        builder.Services.AddNewsRoomDelivery();
        builder.Services.AddNewsRoomForwardedHeaders();
        builder.Services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Razor Pages by audience: Pages/ for readers, Pages/Editor for editors, Pages/Admin for admins.</summary>
    private static IServiceCollection AddNewsRoomPages(this IServiceCollection services)
    {
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(options =>
        {
            // Authorization is set once per folder, never remembered page by page.
            // The desk opens to every newsroom role; each handler asks for what its step needs ([HandlerPolicy]), and a
            // reporter reaches only their own drafts.
            options.Conventions.AuthorizeFolder("/Editor", Policies.Desk);
            options.Conventions.AddFolderApplicationModelConvention("/Editor/Articles",
                model => model.Filters.Add(new TypeFilterAttribute(typeof(OwnDraftsFilter))));
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            options.Conventions.AddPageApplicationModelConvention("/Account/Login",
                model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AccountsServiceCollectionExtensions.LoginRateLimit)));
        }).AddMvcOptions(options =>
        {
            Pages.ChineseValidationMessages.Apply(options);
            // Control characters in any posted field are a validation error, before every page handler.
            options.Filters.Add<Pages.FormControlCharacters>();
            // A checkbox posted with anything but true or false is a validation error, not a 500 when the form is shown again.
            options.ModelBinderProviders.Insert(0, new Pages.CheckboxValues());
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        // Chinese is written as itself, not as &#x...; entities: a third of the page weight and unreadable source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>Migrates, loads the gazetteer, creates the first admin and, on first start, imports the seeds.</summary>
    public static async Task InitializeNewsRoomAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(importSeeds: true);
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication UseNewsRoom(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Cache-Control on every HTML response; validators only where a reader page was rendered (below).
        app.UseHtmlCachePolicy();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            // After the forwarded headers: a request that reached the proxy over HTTPS is HTTPS here too, and is told to stay so.
            app.UseHsts();
        }
        // A NUL in a posted form would make the framework refuse the whole form (400); it is refused field by field instead.
        app.UseFormNulCharacters();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Given the site's logger, request logging takes it once; without it, it asks the static logger for a new one
        // on every request.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        // Static files with long cache lifetimes for fingerprinted addresses.
        app.UseNewsRoomStaticFiles();
        // Picture renditions from the media store, named by their content's hash, cached for a year.
        app.UseNewsRoomMedia();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        if (app.Services.GetRequiredService<IOptions<NewsRoomOptions>>().Value.OutputCache)
        {
            app.UseOutputCache();
            // ETag, Last-Modified and a public Cache-Control on renderings the output cache will keep, so it answers 304.
            app.UseReaderValidators();
        }
        app.UseNewsRoomCompression();
        app.MapRazorPages();
        // Reader feeds, the old /issues addresses' redirects, the sitemap index with its files and the news sitemap, and robots.txt.
        app.MapNewsRoomFeeds();
        app.MapEditionRedirects();
        app.MapNewsRoomSitemaps();
        app.MapNewsRoomOperations();
        return app;
    }
}
