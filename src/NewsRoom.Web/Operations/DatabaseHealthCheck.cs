using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsRoom.Web.Operations;

/// <summary>Healthy when the database answers and every migration is applied.</summary>
internal sealed class DatabaseHealthCheck(NewsRoomDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("数据库无法连接");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("数据库正常，迁移已全部应用")
                : HealthCheckResult.Unhealthy("未应用的迁移: " + string.Join(", ", pending));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("数据库错误", ex);
        }
    }
}
