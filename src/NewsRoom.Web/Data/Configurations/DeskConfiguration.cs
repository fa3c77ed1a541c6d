using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class EditLockConfiguration : IEntityTypeConfiguration<EditLock>
{
    public void Configure(EntityTypeBuilder<EditLock> builder)
    {
        builder.HasKey(l => l.ArticleId);
        builder.Property(l => l.HeldBy).HasMaxLength(256);
        builder.Property(l => l.HolderName).HasMaxLength(256);
        // A separate table, not columns of the article: taking a lock must neither change the article's stamp nor evict
        // its reader pages.
        builder.HasOne<Article>().WithOne().HasForeignKey<EditLock>(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingCopyConfiguration : IEntityTypeConfiguration<WorkingCopy>
{
    public void Configure(EntityTypeBuilder<WorkingCopy> builder)
    {
        builder.HasKey(w => w.ArticleId);
        builder.Property(w => w.Stage).HasMaxLength(20);
        builder.Property(w => w.CreatedBy).HasMaxLength(256);
        // Its own table for the same reason as the lock: the article row, its triggers and its reader pages stay as
        // they are while an edit is reviewed.
        builder.HasOne<Article>().WithOne().HasForeignKey<WorkingCopy>(w => w.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.Stage, w.UpdatedAt });
    }
}
