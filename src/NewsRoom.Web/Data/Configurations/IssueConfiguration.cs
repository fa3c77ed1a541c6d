using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.HasIndex(i => i.SourceFileName).IsUnique();
        builder.Property(i => i.SourceFileName).HasMaxLength(260);
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.Property(i => i.PageName).HasMaxLength(50);
        builder.Property(i => i.TextHash).HasMaxLength(64);
        builder.HasIndex(i => i.TextHash);
        builder.Property(i => i.Encoding).HasMaxLength(20);
        builder.HasOne(i => i.HomeRegion).WithMany().HasForeignKey(i => i.HomeRegionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Edition).WithMany(e => e.Pages).HasForeignKey(i => i.EditionId).OnDelete(DeleteBehavior.Restrict);
        // An edition's pages in print order, and the same page of a day found again by its 版次.
        builder.HasIndex(i => new { i.EditionId, i.PageNumber });
        builder.HasOne(i => i.Original).WithOne(o => o.Issue).HasForeignKey<IssueOriginal>(o => o.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IssueOriginalConfiguration : IEntityTypeConfiguration<IssueOriginal>
{
    public void Configure(EntityTypeBuilder<IssueOriginal> builder)
    {
        builder.ToTable("IssueOriginals");
        builder.HasKey(o => o.IssueId);
    }
}
