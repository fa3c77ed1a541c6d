using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    /// <summary>How long a notice may be: a paragraph or two, as a paper prints them.</summary>
    public const int TextLength = 2000;

    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(TextLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // A story's notices newest first (its page), and the whole site's newest first (/corrections and its feed).
        builder.HasIndex(c => new { c.ArticleId, c.Date, c.CreatedAt });
        builder.HasIndex(c => new { c.Date, c.CreatedAt, c.Id }).IsDescending(true, true, true);
    }
}

internal sealed class RetractionConfiguration : IEntityTypeConfiguration<Retraction>
{
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<Retraction> builder)
    {
        builder.Property(r => r.PublicReason).HasMaxLength(ReasonLength);
        builder.Property(r => r.InternalNote).HasMaxLength(ReasonLength);
        builder.Property(r => r.RetractedBy).HasMaxLength(256);
        builder.Property(r => r.UndoneBy).HasMaxLength(256);
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.RetractedAt });
    }
}
