using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Tests;

/// <summary>What ran where: every request's first middleware and every page handler, on a pool thread or not.</summary>
public sealed class ThreadLog
{
    public ConcurrentQueue<(string Path, bool OnPool)> RequestsBegun { get; } = new();

    public ConcurrentQueue<(string Page, bool OnPool)> PagesRun { get; } = new();
}

/// <summary>The real site on Kestrel on a loopback port, noting which threads its requests and pages ran on.</summary>
public sealed class ThreadLoggingKestrelFactory : KestrelNewsRoomFactory
{
    public ThreadLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Log);
            services.AddSingleton<IStartupFilter, RecordRequestThread>();
            services.Configure<MvcOptions>(options => options.Filters.Add(new RecordPageThread(Log)));
        });
    }

    // Ahead of the site's whole pipeline: the thread a request begins on.
    private sealed class RecordRequestThread(ThreadLog log) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                log.RequestsBegun.Enqueue((context.Request.Path, Thread.CurrentThread.IsThreadPoolThread));
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class RecordPageThread(ThreadLog log) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            log.PagesRun.Enqueue((context.ActionDescriptor.ViewEnginePath, Thread.CurrentThread.IsThreadPoolThread));
            return next();
        }
    }
}

public class SocketThreadSchedulingTests(ThreadLoggingKestrelFactory factory) : IClassFixture<ThreadLoggingKestrelFactory>
{
    [Fact]
    public async Task OverRealSockets_CacheHitsAreServedOnEventThreads_AndPagesRunOnThePool()
    {
        factory.Start();
        var articleId = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("线程"), regions: ["xilinguole"])).Id);
        using var client = new HttpClient { BaseAddress = factory.BaseAddress };

        // One keep-alive connection, one request at a time: after the first, each request arrives on a socket the
        // server is already waiting on, so its read completes on an event thread.
        string[] paths = [.. Enumerable.Repeat($"/articles/{articleId}", 10), .. Enumerable.Repeat("/regions", 5), .. Enumerable.Repeat("/healthz", 5)];
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var pages = factory.Log.PagesRun.ToList();
        Assert.Contains(pages, p => p.Page == "/Articles/Show");
        Assert.Contains(pages, p => p.Page == "/Regions/Index");
        Assert.All(pages, p => Assert.True(p.OnPool, $"{p.Page} ran on a socket event thread"));
        // The article was rendered once and then served from the cache nine times.
        Assert.Single(pages, p => p.Page == "/Articles/Show");
        // Without the event threads serving, every request would begin on the pool and this would fail.
        var begun = factory.Log.RequestsBegun.Where(r => paths.Contains(r.Path)).ToList();
        Assert.Contains(begun, r => !r.OnPool);
    }

    [Fact]
    public async Task PageWork_StartedOffThePool_ContinuesOnThePool()
    {
        var ranOnPool = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var eventThread = new Thread(() => SocketThreadScheduling.OnThreadPool(new DefaultHttpContext(), _ =>
        {
            ranOnPool.SetResult(Thread.CurrentThread.IsThreadPoolThread);
            return Task.CompletedTask;
        }));
        eventThread.Start();

        Assert.True(await ranOnPool.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        eventThread.Join();
    }

    [Fact]
    public void Transport_RunsRequestsWhereTheirSocketCompleted_UnlessTurnedOff()
    {
        using var byDefault = new NewsRoomFactory();
        using var turnedOff = new NewsRoomFactory().WithWebHostBuilder(builder => builder.UseSetting("NewsRoom:ServeCacheHitsOnSocketThreads", "false"));

        Assert.True(byDefault.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.False(turnedOff.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.Equal("1", Environment.GetEnvironmentVariable(SocketThreadScheduling.InlineCompletionsVariable));
    }
}
