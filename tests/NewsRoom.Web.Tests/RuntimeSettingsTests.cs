using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests;

/// <summary>Settings the site's memory figures rest on (bench/README.md, "Memory").</summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void GcLibraryNamedBySite_ShipsWithThisRuntime()
    {
        // The runtime refuses to start when System.GC.Name names a library it does not have ("GC initialization
        // failed"), so a runtime without the segments GC would leave the site down rather than merely larger.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "NewsRoom.Web.runtimeconfig.json")));
        var gcName = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.Name").GetString();

        Assert.False(string.IsNullOrEmpty(gcName));
        Assert.True(File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), gcName)), $"{gcName} is not in {RuntimeEnvironment.GetRuntimeDirectory()}");
    }

    [Fact]
    public void SocketTransport_LetsOnlyPartOfALargePageWaitForTheSocket()
    {
        using var factory = new NewsRoomFactory();
        var transport = factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.Equal(DeliveryExtensions.ResponseBytesInFlight, transport.MaxWriteBufferSize);
    }
}
