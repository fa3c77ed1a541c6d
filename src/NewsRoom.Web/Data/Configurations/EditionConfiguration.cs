using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(60);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasOne(p => p.HomeRegion).WithMany().HasForeignKey(p => p.HomeRegionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.HasOne(e => e.Paper).WithMany(p => p.Editions).HasForeignKey(e => e.PaperId).OnDelete(DeleteBehavior.Restrict);
        // The calendar reads one paper's days in order from this index alone, however many editions the store holds.
        builder.HasIndex(e => new { e.PaperId, e.PrintDate }).IsUnique();
    }
}
