using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> builder)
    {
        builder.Property(m => m.OriginalHash).HasMaxLength(64);
        builder.Property(m => m.OriginalFormat).HasMaxLength(10);
        builder.Property(m => m.Alt).HasMaxLength(500);
        builder.Property(m => m.Caption).HasMaxLength(2000);
        builder.Property(m => m.CreditName).HasMaxLength(100);
        builder.Property(m => m.UploadedBy).HasMaxLength(256);
        builder.HasIndex(m => m.OriginalHash).IsUnique();
        // The library lists newest first.
        builder.HasIndex(m => m.UploadedAt);
        builder.HasOne(m => m.CreditPerson).WithMany().HasForeignKey(m => m.CreditPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MediaRenditionConfiguration : IEntityTypeConfiguration<MediaRendition>
{
    public void Configure(EntityTypeBuilder<MediaRendition> builder)
    {
        builder.Property(r => r.Format).HasMaxLength(10);
        builder.Property(r => r.Name).HasMaxLength(80);
        builder.HasIndex(r => new { r.MediaImageId, r.Format, r.Width });
        builder.HasOne(r => r.MediaImage).WithMany(m => m.Renditions).HasForeignKey(r => r.MediaImageId).OnDelete(DeleteBehavior.Cascade);
    }
}
