using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsRoom.Web.Performance;

namespace NewsRoom.Web.Tests;

/// <summary>Settings the site's memory figures rest on (bench/README.md, "Memory").</summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void SocketTransport_LetsOnlyPartOfALargePageWaitForTheSocket()
    {
        using var factory = new NewsRoomFactory();
        var transport = factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.Equal(DeliveryExtensions.ResponseBytesInFlight, transport.MaxWriteBufferSize);
    }
}
