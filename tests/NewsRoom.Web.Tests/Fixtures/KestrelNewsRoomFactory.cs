using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>The real app on Kestrel on a free loopback port, so requests go through real sockets and threads.</summary>
public class KestrelNewsRoomFactory : NewsRoomFactory
{
    public KestrelNewsRoomFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>
    /// A desk account logged in through the login form, over the socket: a chief editor, the role that may change the
    /// published stories the load is made of.
    /// </summary>
    public async Task<HttpClient> EditorAsync(string email)
    {
        await TestClients.EnsureUserAsync(this, email, TestClients.EditorPassword, Data.Entities.Roles.ChiefEditor);
        // A plain socket client: the factory's own client follows redirects under Kestrel whatever its options say.
#pragma warning disable CA2000 // The client owns its handler and the caller owns the client.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
#pragma warning restore CA2000
        using var response = await client.SubmitAsync("/account/login", "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestClients.EditorPassword,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }
}
