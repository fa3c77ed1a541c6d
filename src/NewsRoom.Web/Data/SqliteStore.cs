using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

/// <summary>What the store needs of SQLite itself, beyond EF: the journal mode, the online backup, the file's place.</summary>
internal static class SqliteStore
{
    /// <summary>WAL lets readers go on while an import or a save writes; the setting is kept in the database file.</summary>
    public static Task UseWriteAheadLogAsync(NewsRoomDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

    /// <summary>
    /// A consistent copy of the live database at <paramref name="path"/>: the online backup copies page by page under
    /// SQLite's own locking, so writers may go on while it runs.
    /// </summary>
    public static async Task BackupAsync(NewsRoomDb db, string path, CancellationToken cancellationToken)
    {
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(cancellationToken);
        try
        {
            using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            destination.Open();
            source.BackupDatabase(destination);
        }
        finally
        {
            await source.CloseAsync();
        }
    }

    /// <summary>The folder of the database file the connection string names; null for an in-memory database.</summary>
    public static string? FolderOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source == ":memory:" || string.IsNullOrEmpty(source) ? null : Path.GetDirectoryName(source) ?? ".";
    }
}
