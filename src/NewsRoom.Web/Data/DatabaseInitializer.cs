using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Data;

/// <summary>
/// First start and every start: apply migrations, load the gazetteer, create the roles and the first admin,
/// and import the seeds through the same importer the admin console uses when the store holds no issue yet.
/// </summary>
public sealed class DatabaseInitializer(
    NewsRoomDb db,
    IssueImporter importer,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<NewsRoomOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool importSeeds, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        // WAL lets readers go on while an import or a save writes; the setting is kept in the database file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await LoadGazetteerAsync(cancellationToken).ConfigureAwait(false);
        await EnsureRolesAndAdminAsync().ConfigureAwait(false);
        // Articles a stopped import run left unindexed (see SearchIndexBacklog) become findable now.
        await importer.IndexSearchBacklogAsync(cancellationToken).ConfigureAwait(false);
        if (importSeeds && options.Value.ImportSeedsOnFirstStart && !await db.Issues.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            await ImportSeedsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Regions are matched by name, which the gazetteer keeps unique; a few special zones have no official code.
    private async Task LoadGazetteerAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Regions.ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
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
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureRolesAndAdminAsync()
    {
        foreach (var role in new[] { Roles.Editor, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        var admin = options.Value.Admin;
        var email = string.IsNullOrWhiteSpace(admin.Email) ? "admin@newsroom.local" : admin.Email;
        var password = admin.Password;
        var generated = false;
        if (string.IsNullOrWhiteSpace(password))
        {
            // Generated in every environment, not only Development: a fresh `dotnet run` must leave a way in.
            // It is logged once, on the start that creates the account, and must be changed after the first login.
            // Prefixed so it always meets the password policy (upper, lower, digit) whatever the random part holds.
            password = "Nr7-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y');
            generated = true;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "管理员" };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, [Roles.Admin, Roles.Editor]).ConfigureAwait(false);
        if (generated)
        {
            // Logged once, on the start that created the account: there is no other way to learn it.
            logger.LogWarning("Created the first admin {Email} with the generated password {Password}; change it after logging in", email, password);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email}", email);
        }
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
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            var result = await importer.ImportAsync(new ImportSource(Path.GetFileName(file), bytes, IssueOrigin.Seed), "seed", null, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Seed import {Summary}", result.Summary);
        }
    }
}
