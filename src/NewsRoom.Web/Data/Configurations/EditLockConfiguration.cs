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
