using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Performance;

/// <summary>
/// Where a request runs. By default a request crosses three threads before any of the site's code runs: the socket
/// engine's event thread hands the read to the thread pool, Kestrel's I/O queue hands it on, and the application runs on
/// yet another pool thread; on two vCPUs each hand-off may have to wake an idle thread first. Here the event threads
/// (one per core) parse the request and serve output-cache hits themselves: a hit is a dictionary lookup and a write
/// that never blocks. Anything that reaches a page, the database or the disk is moved to the thread pool first
/// (<see cref="UseThreadPoolBeyondHere"/>), so one slow page cannot hold up the other connections of its event thread.
/// What does run there before the cache: header checks, routing, the rate limiter, a signed-in editor's cookie, the
/// compression of a hit, the request log line (a console write; the bench logs warnings only) and static files (the
/// file is looked up there; its bytes come through FileStream's asynchronous reads, which on Linux run on the pool).
/// Measured (bench/README.md, eighth pass): a cached article paced at half the maximum rate, p99 median 5.2 to 3.9 ms
/// and p50 1.3 to 0.8 ms; at 190 requests a second a third of the CPU; cache misses at full load lose a sixth (16
/// connections) to a third (64) of their rate, and a saturated cached row's p99 about doubles.
/// </summary>
internal static class SocketThreadScheduling
{
    /// <summary>The runtime's switch that runs socket completions on the event threads (read once per process).</summary>
    internal const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Lets socket completions run on the event threads, one per core. The runtime reads its switch once, when the first
    /// socket is made, so this runs first thing in the process; a value the operator set is kept. On its own it changes
    /// little (measured in the fifth pass): Kestrel still hands every request on to its I/O queues and the pool unless
    /// <see cref="NewsRoomOptions.ServeCacheHitsOnSocketThreads"/> is on.
    /// </summary>
    public static void RunSocketCompletionsOnEventThreads()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
    }

    /// <summary>Kestrel runs a connection's requests where its socket completed, when the site's setting says so.</summary>
    public static IServiceCollection AddSocketThreadScheduling(this IServiceCollection services)
    {
        services.AddOptions<SocketTransportOptions>().Configure<IOptions<NewsRoomOptions>>(
            (transport, site) => transport.UnsafePreferInlineScheduling = site.Value.ServeCacheHitsOnSocketThreads);
        return services;
    }

    /// <summary>
    /// Everything after this point runs on the thread pool. Placed right after the output cache: a hit has been served
    /// by then, and what is left (pages, endpoints, the database) may block.
    /// </summary>
    public static IApplicationBuilder UseThreadPoolBeyondHere(this IApplicationBuilder app) => app.Use(OnThreadPool);

    internal static async Task OnThreadPool(HttpContext context, RequestDelegate next)
    {
        // Always through the pool's queue, even from a pool thread: a connection whose next request is already waiting
        // when its last one ends is read on the same pool thread, and without the queue that thread would serve it
        // request after request while requests queued from the event threads waited. Skipping the queue on pool
        // threads was measured: with the output cache off, p99 at 64 connections went from 26 ms to 850 ms, and
        // wrk's 2 s timeouts appeared. An event thread has no synchronization context, so Yield resumes on the pool.
        await Task.Yield();
        await next(context).ConfigureAwait(false);
    }
}
