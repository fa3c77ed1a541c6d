using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsRoom.Web.Data;

/// <summary>
/// Sets the per-connection SQLite settings once for each physical connection: wait for a busy database instead of
/// failing at once, and sync the write-ahead log at checkpoints rather than on every commit.
/// </summary>
/// <remarks>
/// Both settings belong to SQLite's connection handle, which the connection pool keeps open between uses, so running
/// them on every open of a pooled connection (as this did) only repeated a statement per request. A handle is
/// recognised by identity and forgotten with it. The connection string's <c>Default Timeout</c> is no substitute for
/// busy_timeout: Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, where SQLite's own wait retries
/// within a few milliseconds of the lock coming free.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNewHandle(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNewHandle(connection, out var handle))
        {
            var command = connection.CreateCommand();
            await using (command)
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            _configured.AddOrUpdate(handle, handle);
        }
    }

    // Marked only after the pragmas ran, so a handle whose set-up failed is set up on its next open.
    private bool IsNewHandle(DbConnection connection, out object handle)
    {
        handle = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("An opened SQLite connection has no handle.");
        return !_configured.TryGetValue(handle, out _);
    }
}
