using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// The real app on a real SQLite database: a temporary file per factory (so per test class), deleted afterwards.
/// The file starts as a copy of the test run's template store (<see cref="TemplateStore"/>), which the app's own
/// first start migrated and seeded once; the app then starts on the copy as on any later start.
/// </summary>
public class NewsRoomFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Passw0rd";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "newsroom.db");

    /// <summary>The media store's folder (originals/, renditions/).</summary>
    public string MediaPath => Path.Combine(_folder, "media");

    /// <summary>Seeds imported on first start; a test class that wants an empty store turns it off.</summary>
    protected virtual bool ImportSeeds => true;

    /// <summary>Starts from a copy of the template store; a class that checks the first start itself turns it off.</summary>
    protected virtual bool StartsFromTemplate => true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Before the app's entry point runs: the template is built by a site of its own.
        if (StartsFromTemplate && !File.Exists(DatabasePath))
        {
            Directory.CreateDirectory(_folder);
            TemplateStore.CopyTo(DatabasePath, ImportSeeds);
        }
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:NewsRoom", $"Data Source={DatabasePath}");
        builder.UseSetting("NewsRoom:ImportSeedsOnFirstStart", ImportSeeds.ToString());
        // Uploaded pictures stay in the factory's folder, deleted with it.
        builder.UseSetting("NewsRoom:Media:Path", MediaPath);
        builder.UseSetting("NewsRoom:Admin:Email", AdminEmail);
        builder.UseSetting("NewsRoom:Admin:Password", AdminPassword);
        // Tests log in far more often than a person; the limit itself has its own test.
        builder.UseSetting("NewsRoom:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected virtual int LoginAttemptsPerMinute => 10_000;

    /// <summary>Runs code against the store in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<NewsRoomDb, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<NewsRoomDb>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }
}
