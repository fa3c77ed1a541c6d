namespace NewsRoom.Web.Operations;

/// <summary>A consistent copy of the live database for an admin to download, made with SQLite's online backup.</summary>
internal static class DatabaseBackup
{
    public static IEndpointRouteBuilder MapDatabaseBackup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/backup", DownloadAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("DatabaseBackup");
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(NewsRoomDb db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Recorded first, so the copy carries the row that says who took it.
        await audit.RecordAsync(AuditActions.BackupDownloaded, cancellationToken: cancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"newsroom-backup-{Guid.NewGuid():N}.db");
        await SqliteStore.BackupAsync(db, path, cancellationToken);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var name = $"newsroom-{clock.GetUtcNow():yyyyMMdd-HHmmss}.db";
        return Results.File(stream, "application/vnd.sqlite3", name);
    }
}
