using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(6);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Slug).HasMaxLength(60);
        builder.Property(r => r.NameEn).HasMaxLength(100);
        builder.Ignore(r => r.IsLeagueLevel);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasOne(r => r.Parent).WithMany(r => r.Children).HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleRegionConfiguration : IEntityTypeConfiguration<ArticleRegion>
{
    public void Configure(EntityTypeBuilder<ArticleRegion> builder)
    {
        builder.HasKey(r => new { r.ArticleId, r.RegionId });
        builder.HasOne(r => r.Article).WithMany(a => a.Regions).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionId, r.ArticleId });
    }
}
