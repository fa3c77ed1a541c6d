using Serilog;

// Command mode (parse, import) runs without serving: parse prints only JSON on standard output.
if (CommandMode.IsCommand(args))
{
    return await CommandMode.RunAsync(args, BuildApp);
}

var app = BuildApp(args);

// Migrate, load the gazetteer, create the first admin and, on first start, import the seeds.
await app.InitializeNewsRoomAsync();

app.UseNewsRoomPipeline();
// Reader feeds, sitemap and robots.txt.
app.MapNewsRoomFeeds();
await app.RunAsync();
return 0;

static WebApplication BuildApp(string[] args)
{
    // The content root is the build output (settings, static assets manifest), not the caller's directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    // Static files come from the project's wwwroot when run from source, in every environment, not just Development.
    builder.WebHost.UseStaticWebAssets();

    // Serilog: request logging and a console sink; logs go to standard error so command output stays clean.
    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .Enrich.FromLogContext()
        .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture));

    // Settings under "NewsRoom".
    builder.Services.AddOptions<NewsRoomOptions>().BindConfiguration(NewsRoomOptions.Section).ValidateOnStart();

    // The store and the accounts in it.
    builder.Services.AddNewsRoomData(builder.Configuration);

    // The importer shared by first start, the command line and the admin console.
    builder.Services.AddNewsRoomImport();

    // The editors' workflow (save, publish, schedule, revisions) and the scheduler that publishes on time.
    builder.Services.AddNewsRoomPublishing();

    // The admin console's import runs: uploads, the background queue and its history.
    builder.Services.AddNewsRoomAdminImport();

    // Search over the FTS5 trigram index of published articles.
    builder.Services.AddNewsRoomSearch();

    // Razor Pages by audience, with folder-level authorization and the reader cache.
    builder.Services.AddNewsRoomPages();

    // The reader site: its output cache is evicted on every save that touches articles.
    builder.Services.AddNewsRoomReader();

    // Response compression (Brotli, gzip) and long-lived static files.
    builder.Services.AddNewsRoomDelivery();

    return builder.Build();
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
