using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsRoom.Web.Reader;

/// <summary>
/// Evicts the reader cache after every successful save that touches what readers see, so the desk, the admin
/// console and the importer cannot forget to. Inside a transaction the eviction waits for the commit: evicting
/// earlier would let a reader re-cache the old page before the new one is visible.
/// </summary>
internal sealed class ReaderCacheInterceptor(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropCaptured(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropCaptured(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, cancellationToken).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is Article or ArticleByline or ArticleRegion or Photo or Issue or Person or Region or Correction or Retraction)
            {
                pending.Captured.Add(entry.Entity);
            }
        }
    }

    private void DropCaptured(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Captured.Clear();
        }
    }

    private ValueTask SavedAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Captured.Count == 0)
        {
            return ValueTask.CompletedTask;
        }
        // Ids are read after the save: an added article only has its id now.
        foreach (var entity in pending.Captured)
        {
            if (ArticleIdOf(entity) is { } id)
            {
                pending.ArticleIds.Add(id);
            }
        }
        pending.Captured.Clear();
        pending.Due = true;
        return context.Database.CurrentTransaction is null ? FlushAsync(context, cancellationToken) : ValueTask.CompletedTask;
    }

    private async ValueTask FlushAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || !pending.Due)
        {
            return;
        }
        var ids = pending.ArticleIds.ToList();
        pending.ArticleIds.Clear();
        pending.Due = false;
        await new ReaderCache(store).EvictArticlesAsync(ids, cancellationToken);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static int? ArticleIdOf(object entity) => entity switch
    {
        Article a => a.Id,
        ArticleByline b => b.ArticleId,
        ArticleRegion r => r.ArticleId,
        Photo p => p.ArticleId,
        Correction c => c.ArticleId,
        Retraction r => r.ArticleId,
        _ => null,
    };

    private sealed class Pending
    {
        public List<object> Captured { get; } = [];
        public HashSet<int> ArticleIds { get; } = [];

        /// <summary>A save touched reader content since the last eviction.</summary>
        public bool Due { get; set; }
    }
}
