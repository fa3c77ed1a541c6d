using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The built site started as an operator starts it, in a process of its own: it listens where ASP.NET Core's own
/// settings say, not where the site's settings file would put it.
/// </summary>
public sealed class ListeningAddressTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-tests", "listen-" + Guid.NewGuid().ToString("N"));

    public ListeningAddressTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task AspNetCoreUrls_IsWhereTheSiteListens()
    {
        var port = FreePort();

        var health = await StartAndAskAsync(port, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task AspNetCoreHttpPorts_IsWhereTheSiteListens()
    {
        var port = FreePort();

        var health = await StartAndAskAsync(port, new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task UrlsOnTheCommandLine_IsWhereTheSiteListens_OverTheEnvironment()
    {
        var port = FreePort();
        var elsewhere = FreePort();

        var (health, answeredElsewhere) = await StartAndAskAsync(port, elsewhere, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{elsewhere}" },
            "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(("Healthy", false), (health, answeredElsewhere));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the built site on a store of its own and returns what /healthz answers on the loopback port.</summary>
    private async Task<string> StartAndAskAsync(int port, Dictionary<string, string> environment, params string[] args) =>
        (await StartAndAskAsync(port, null, environment, args)).Health;

    /// <summary>As above; while the site runs, also asks whether anything answers on the port <paramref name="notOn"/>.</summary>
    private async Task<(string Health, bool AnsweredElsewhere)> StartAndAskAsync(int port, int? notOn, Dictionary<string, string> environment, params string[] args)
    {
        var database = Path.Combine(_folder, "newsroom.db");
        TemplateStore.CopyTo(database, seeded: false);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsRoom.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Only the setting under test says where to listen, whatever the test runner's own environment holds.
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS", "HTTP_PORTS" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__NewsRoom"] = $"Data Source={database}";
        start.Environment["NewsRoom__ImportSeedsOnFirstStart"] = "false";
        start.Environment["NewsRoom__Admin__Email"] = NewsRoomFactory.AdminEmail;
        start.Environment["NewsRoom__Admin__Password"] = NewsRoomFactory.AdminPassword;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var site = Process.Start(start)!;
        // Drain the output so the site never blocks on a full pipe; the log is shown if it never answers.
        var log = site.StandardError.ReadToEndAsync();
        _ = site.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !site.HasExited)
            {
                try
                {
                    var health = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                    return (health, notOn is { } other && await AnswersAsync(other));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }
        }
        finally
        {
            if (!site.HasExited)
            {
                site.Kill(entireProcessTree: true);
            }
            await site.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
        }
        Assert.Fail($"The site never answered on port {port}. Its log:\n{await log}");
        return default;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
