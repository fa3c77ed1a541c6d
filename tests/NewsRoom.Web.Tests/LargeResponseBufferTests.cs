using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests;

/// <summary>How much of a large page may wait for the socket.</summary>
public class LargeResponseBufferTests
{
    [Fact]
    public void SocketTransport_LetsOnlyPartOfALargePageWaitForTheSocket()
    {
        using var factory = new NewsRoomFactory();
        var transport = factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.Equal(DeliveryExtensions.ResponseBytesInFlight, transport.MaxWriteBufferSize);
    }
}
