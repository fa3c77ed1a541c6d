using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace NewsRoom.Web.Hosting;

/// <summary>How responses leave the site: compressed, and static files cached for long when their address is fingerprinted.</summary>
internal static class DeliveryExtensions
{
    /// <summary>The icon browsers ask for without being told where it is.</summary>
    internal const string FaviconPath = "/favicon.ico";

    private static readonly string[] CompressedTypes =
        [.. ResponseCompressionDefaults.MimeTypes, "application/atom+xml", "application/rss+xml", "image/svg+xml"];

    /// <summary>
    /// How many bytes of one response may wait for the socket before the page writing it waits too. Kestrel's default
    /// (64 KB) is larger than the front page (about 50 KB uncompressed), so a cached page was copied whole into pinned
    /// buffers, its request's concurrency permit released, and the next page written before the first had left: at
    /// 256 connections about 13 MB of buffers waited to be sent. Below the page's size the writer waits on the socket
    /// while holding its permit, so only the few requests the limiter lets run have bytes in flight. An article page
    /// (about 8 KB) still goes out in one write.
    /// </summary>
    internal const long ResponseBytesInFlight = 32 * 1024;

    /// <summary>Brotli and gzip for html, xml, css, js and json; a few requests at a time.</summary>
    public static IServiceCollection AddNewsRoomDelivery(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // HTTPS is left to the default (off): the desk's pages carry antiforgery tokens, and compressing secrets
            // beside reflected input over TLS is what BREACH exploits. A TLS proxy in front may compress reader pages.
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });
        // The fastest levels: a page the output cache does not keep (the desk's, search) is compressed on every
        // request, and level 1 already takes an article page to a fraction of its size.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        // SQLite calls block their thread, so a burst of readers grows the thread pool and the connection pool (each
        // connection with its own page cache) far past what two cores can use. A few requests at a time run; the rest
        // wait in order, unrefused. Fewer threads and connections: less memory and less contention, not less throughput.
        // One partition, made once: building it in the partitioner would allocate it and its factory on every request.
        var everyone = RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = Environment.ProcessorCount * 4,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        services.Configure<RateLimiterOptions>(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => everyone));
        services.Configure<SocketTransportOptions>(options => options.MaxWriteBufferSize = ResponseBytesInFlight);
        return services;
    }

    /// <summary>
    /// Static files, before routing, with long cache lifetimes for fingerprinted addresses. They are a few KB and
    /// cached by browsers for a year, so they are sent as they are; pages are compressed inside the output cache
    /// (<see cref="UseNewsRoomCompression"/>).
    /// </summary>
    public static void UseNewsRoomStaticFiles(this IApplicationBuilder app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // asp-append-version puts the file's hash in ?v=: such an address never changes content, so browsers
                // and proxies may keep it for a year; a bare address is revalidated through its ETag.
                // /favicon.ico is asked for by its bare name (browsers, feed readers), so it cannot be fingerprinted; it
                // is kept a week.
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : context.Context.Request.Path == FaviconPath ? "public, max-age=604800" : "public, no-cache";
            },
        });
    }

    /// <summary>
    /// Compression inside the output cache: a page is compressed once per encoding a reader asks for, and the cache
    /// keeps the compressed copy (the reader policy varies by Accept-Encoding), instead of compressing the same
    /// cached page again for every reader. A client that asks for no encoding gets the plain copy.
    /// </summary>
    public static void UseNewsRoomCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}
