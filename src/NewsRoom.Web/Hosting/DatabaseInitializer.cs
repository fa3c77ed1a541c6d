using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Hosting;

/// <summary>
/// First start and every start: apply migrations, load the gazetteer, create the roles and the first admin,
/// and import the seeds through the same importer the admin console uses when the store holds no issue yet.
/// </summary>
public sealed class DatabaseInitializer(
    NewsRoomDb db,
    IssueImporter importer,
    FirstAdmin firstAdmin,
    IOptions<NewsRoomOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool importSeeds, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await SqliteStore.UseWriteAheadLogAsync(db, cancellationToken);
        await LoadGazetteerAsync(cancellationToken);
        await firstAdmin.EnsureAsync();
        // Articles a stopped import run left unindexed (see SearchIndexBacklog) become findable now.
        await importer.IndexSearchBacklogAsync(cancellationToken);
        if (importSeeds && options.Value.ImportSeedsOnFirstStart && !await db.Issues.AnyAsync(cancellationToken))
        {
            await ImportSeedsAsync(cancellationToken);
        }
    }

    // Regions are matched by name, which the gazetteer keeps unique; a few special zones have no official code.
    private async Task LoadGazetteerAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Regions.ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken);
        var gazetteer = Gazetteer.InnerMongolia;
        var order = 0;
        foreach (var entry in gazetteer.Regions)
        {
            order++;
            if (!stored.TryGetValue(entry.Name, out var region))
            {
                region = new Region { Name = entry.Name, Kind = entry.Kind, Slug = entry.Slug, NameEn = entry.NameEn };
                db.Regions.Add(region);
                stored[entry.Name] = region;
            }
            region.Code = entry.Code.Length == 0 ? null : entry.Code;
            region.Kind = entry.Kind;
            region.Slug = entry.Slug;
            region.NameEn = entry.NameEn;
            region.Aliases = [.. entry.Aliases];
            region.SortOrder = order;
            region.Parent = entry.IsLeagueLevel ? null : stored[gazetteer.LeagueOf(entry).Name];
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportSeedsAsync(CancellationToken cancellationToken)
    {
        var folder = PageDumpFiles.FindSeedsFolder(options.Value.SeedsPath, Environment.CurrentDirectory)
            ?? PageDumpFiles.FindSeedsFolder(options.Value.SeedsPath, environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("No seeds folder {Seeds} found from {Root}; starting with an empty store", options.Value.SeedsPath, environment.ContentRootPath);
            return;
        }
        foreach (var file in PageDumpFiles.Expand([folder]))
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var result = await importer.ImportAsync(new ImportSource(Path.GetFileName(file), bytes, IssueOrigin.Seed), "seed", null, cancellationToken);
            logger.LogInformation("Seed import {Summary}", result.Summary);
        }
    }
}
