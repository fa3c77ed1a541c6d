using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The site on a clock the test turns: the scheduler publishes when the clock says so, not before.</summary>
public sealed class FakeClockFactory : NewsRoomFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool ImportSeeds => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A second start of the site over another factory's database, at a later time.</summary>
public sealed class RestartedSiteFactory(string databasePath, DateTimeOffset now) : NewsRoomFactory
{
    public FakeTimeProvider Clock { get; } = new(now);

    protected override bool ImportSeeds => false;

    // Its store is the other factory's.
    protected override bool StartsFromTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:NewsRoom", $"Data Source={databasePath}");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
