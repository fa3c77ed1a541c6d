using Microsoft.AspNetCore.Hosting;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The site that requires two-factor sign-in of admins.</summary>
public sealed class TwoFactorRequiredFactory : NewsRoomFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsRoom:Accounts:RequireTwoFactorForAdmins", "true");
    }
}
