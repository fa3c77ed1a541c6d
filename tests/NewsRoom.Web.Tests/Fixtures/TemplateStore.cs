using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// The stores every test class starts from, made once per test run by the app's own first start (migrations,
/// gazetteer, first admin and, for the seeded one, the seeds through the importer) and copied per class, so the
/// suite migrates and imports twice instead of once per class.
/// </summary>
internal static class TemplateStore
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "newsroom-tests", "template-" + Guid.NewGuid().ToString("N"));
    private static readonly Lazy<string> Seeded = new(() => Build(importSeeds: true));
    private static readonly Lazy<string> Empty = new(() => Build(importSeeds: false));

    /// <summary>Copies the seeded or the empty template to <paramref name="path"/>; the first call for each builds it.</summary>
    public static void CopyTo(string path, bool seeded) => File.Copy((seeded ? Seeded : Empty).Value, path);

    private static string Build(bool importSeeds)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, importSeeds ? "seeded.db" : "empty.db");
        using (var site = new FirstStart(path, importSeeds))
        {
            _ = site.Services;
        }
        SqliteConnection.ClearAllPools();
        // The store is in WAL mode: the checkpoint moves everything into the one file that is copied.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(path);
        return path;
    }

    private static void TryDelete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temp file left behind is harmless.
            }
        }
    }

    /// <summary>The app's first start on the template's file, with the settings every factory uses.</summary>
    private sealed class FirstStart(string path, bool importSeeds) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:NewsRoom", $"Data Source={path}");
            builder.UseSetting("NewsRoom:ImportSeedsOnFirstStart", importSeeds.ToString());
            builder.UseSetting("NewsRoom:Admin:Email", NewsRoomFactory.AdminEmail);
            builder.UseSetting("NewsRoom:Admin:Password", NewsRoomFactory.AdminPassword);
        }
    }
}
