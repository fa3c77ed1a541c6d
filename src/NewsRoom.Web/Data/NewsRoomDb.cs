using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

/// <summary>
/// The newsroom's store: papers, their editions and pages (issues), articles, people, regions, photos and their
/// pictures, revisions, import runs, accounts with their sessions and failed logins, the keys that sign their cookies,
/// the audit trail, and the corrections and retractions of published stories.
/// </summary>
public class NewsRoomDb(DbContextOptions<NewsRoomDb> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ArticleByline> ArticleBylines => Set<ArticleByline>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<ArticleRegion> ArticleRegions => Set<ArticleRegion>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<MediaImage> MediaImages => Set<MediaImage>();
    public DbSet<MediaRendition> MediaRenditions => Set<MediaRendition>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRunFile> ImportRunFiles => Set<ImportRunFile>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<Retraction> Retractions => Set<Retraction>();
    public DbSet<EditLock> EditLocks => Set<EditLock>();
    public DbSet<WorkingCopy> WorkingCopies => Set<WorkingCopy>();

    /// <summary>Articles readers may see: published, and not in the future.</summary>
    public IQueryable<Article> PublishedArticles => Articles.Where(a => a.Status == ArticleStatus.Published);

    /// <summary>
    /// Drafts, scheduled and archived articles: few beside the published ones, and found through the reader-order
    /// index (it leads with Status). Counts over the region and byline tables leave these out instead of looking up
    /// every article row to ask whether it is published.
    /// </summary>
    public IQueryable<int> UnpublishedArticleIds => Articles.Where(a => NotPublished.Contains(a.Status)).Select(a => a.Id);

    // Listed rather than "!= Published": SQLite searches an index for IN but scans for <>.
    private static readonly ArticleStatus[] NotPublished = Enum.GetValues<ArticleStatus>().Where(s => s != ArticleStatus.Published).ToArray();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsRoomDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so the database reads on its own and reordering an enum breaks nothing.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }
}
