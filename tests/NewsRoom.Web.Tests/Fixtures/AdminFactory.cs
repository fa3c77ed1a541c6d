using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The app with the test sign-in and a switch that makes an import fail halfway.</summary>
public class AdminFactory : NewsRoomFactory
{
    public FailingSave Failure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddTestAuth();
            services.ConfigureDbContext<NewsRoomDb>(options => options.AddInterceptors(Failure));
        });
    }
}

/// <summary>When armed, throws on the save that writes an import's revisions: after its issue and articles were saved in the transaction.</summary>
public sealed class FailingSave : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public int Thrown { get; private set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && eventData.Context!.ChangeTracker.Entries<Revision>().Any(e => e.State == EntityState.Added))
        {
            Thrown++;
            throw new DbUpdateException("injected failure halfway through the import");
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
