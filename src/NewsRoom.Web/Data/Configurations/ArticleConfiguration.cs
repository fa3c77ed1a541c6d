using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsRoom.Web.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Column).HasMaxLength(100);
        builder.Property(a => a.Kicker).HasMaxLength(300);
        builder.Property(a => a.Headline).HasMaxLength(300);
        builder.Property(a => a.Subheadline).HasMaxLength(300);
        builder.Property(a => a.DisplayTitle).HasMaxLength(300);
        builder.Property(a => a.DatelinePlace).HasMaxLength(50);
        builder.Property(a => a.DatelineDate).HasMaxLength(50);
        builder.Property(a => a.DatelineKind).HasMaxLength(1);
        builder.Property(a => a.ImportKey).HasMaxLength(64);
        builder.Property(a => a.ImportFingerprint).HasMaxLength(64);
        builder.Property(a => a.Kind).HasMaxLength(20);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(a => a.DatelineText);
        builder.HasOne(a => a.Issue).WithMany(i => i.Articles).HasForeignKey(a => a.IssueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.IssueId, a.ImportKey }).IsUnique();
        // The reader lists' order (ReaderQueries.Latest) in full, so "newest first" reads the index instead of sorting every
        // article: an issue's articles share one PublishedAt, and a partial index would still sort all of them.
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.IssueId, a.PagePosition, a.Id }).IsDescending(false, true, true, false, false);
        // An issue's published articles in printed order: the issue list's counts and first headlines, and an article's
        // neighbours. With IssueId and PagePosition alone SQLite preferred the covering reader-order index for "has
        // published articles" and scanned every published article once per issue (13 s for 2,505 issues).
        builder.HasIndex(a => new { a.IssueId, a.Status, a.PagePosition });
        // Derived by triggers from ArticleRegions (see Article.PrimaryRegionId): EF leaves it out of every INSERT and UPDATE.
        var primaryRegion = builder.Property(a => a.PrimaryRegionId).Metadata;
        primaryRegion.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        primaryRegion.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        // One region's newest articles, in the reader lists' order.
        builder.HasIndex(a => new { a.PrimaryRegionId, a.Status, a.PublishedAt, a.IssueId, a.PagePosition, a.Id })
            .IsDescending(false, false, true, true, false, false);
    }
}

internal sealed class ArticleBylineConfiguration : IEntityTypeConfiguration<ArticleByline>
{
    public void Configure(EntityTypeBuilder<ArticleByline> builder)
    {
        builder.HasKey(b => new { b.ArticleId, b.PersonId, b.Role });
        builder.Property(b => b.Role).HasMaxLength(20);
        builder.HasOne(b => b.Article).WithMany(a => a.Bylines).HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Person).WithMany(p => p.Bylines).HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.PersonId);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Credits).HasMaxLength(300);
        builder.HasOne(p => p.Article).WithMany(a => a.Photos).HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // An image in use is never deleted from under a story: the library unlinks its draft uses first and refuses published ones.
        builder.HasOne(p => p.MediaImage).WithMany(m => m.Uses).HasForeignKey(p => p.MediaImageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Action).HasMaxLength(50);
        builder.Property(r => r.Review).HasMaxLength(30);
        builder.Property(r => r.Comment).HasMaxLength(ReviewOptions.CommentMaxLength);
        builder.HasOne(r => r.Article).WithMany(a => a.Revisions).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.CreatedAt });
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.State).HasMaxLength(20);
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class ImportRunFileConfiguration : IEntityTypeConfiguration<ImportRunFile>
{
    public void Configure(EntityTypeBuilder<ImportRunFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(f => f.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
