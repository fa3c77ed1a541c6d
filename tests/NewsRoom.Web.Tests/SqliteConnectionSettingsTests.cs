using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Every connection the store hands out waits for a busy database and syncs normally, though the settings run only once
/// per physical connection: on its first open, and not again when the pool hands it out anew.
/// </summary>
public class SqliteConnectionSettingsTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private Task<(long BusyTimeout, long Synchronous)> SettingsAsync() => factory.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            return (busyTimeout, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    [Fact]
    public async Task StoreConnections_WaitForABusyDatabase_AndSyncNormally_NewOrReused()
    {
        // NORMAL is 1; SQLite's own default would be FULL (2), and no busy timeout at all (0).
        var first = await SettingsAsync();
        var reused = await SettingsAsync();
        SqliteConnection.ClearAllPools();
        var fresh = await SettingsAsync();

        Assert.Equal((5000L, 1L), first);
        Assert.Equal((5000L, 1L), reused);
        Assert.Equal((5000L, 1L), fresh);
    }
}
