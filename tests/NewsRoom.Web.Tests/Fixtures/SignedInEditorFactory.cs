using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The app with the test sign-in, to tell readers' requests from logged-in ones.</summary>
public sealed class SignedInEditorFactory : NewsRoomFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTestAuth());
    }
}
