using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsRoom.Web.Pages;

namespace NewsRoom.Web.Audit;

/// <summary>
/// Prunes audit rows older than <see cref="AuditOptions.RetainDays"/> once a day, and records that it did, in the same
/// transaction, so the trail itself says when and how much of it was removed.
/// </summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NewsRoomOptions> options, ILogger<AuditRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Who the pruning is recorded as.</summary>
    public const string Actor = "审计保留期";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked database today is no reason to stop pruning tomorrow.
                logger.LogError(ex, "Pruning the audit trail failed; trying again in {Interval}", Interval);
            }
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    /// <summary>Deletes the rows past the retention period; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsRoomDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var days = options.Value.Audit.RetainDays;
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pruned = await db.AuditEntries.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
        if (pruned == 0)
        {
            return 0;
        }
        audit.Add(AuditActions.AuditPruned, summary: $"删除 {pruned} 条 {days} 天前的记录（{before.ToChinaTime()} {ChinaTime.Label}之前）", actor: Actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pruned;
    }
}
