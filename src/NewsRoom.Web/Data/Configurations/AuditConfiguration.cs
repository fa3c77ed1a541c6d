using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Actor).HasMaxLength(AuditTrail.ActorLength);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(AuditTrail.TargetLength);
        builder.Property(e => e.Summary).HasMaxLength(AuditTrail.SummaryLength);
        // No foreign keys: a row outlives the account and the story it names, and is never rewritten to forget them.
        // The page filters by time (newest first, pruning by age), by person, by action and by story.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Actor, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.ArticleId, e.At });
    }
}
