using Microsoft.AspNetCore.Hosting;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// The site over a store file the test owns and keeps, so that a second site started on the same file is the first
/// one after a restart.
/// </summary>
public sealed class SameStoreFactory(string databasePath) : NewsRoomFactory
{
    protected override bool ImportSeeds => false;

    protected override bool StartsFromTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:NewsRoom", $"Data Source={databasePath}");
    }
}
