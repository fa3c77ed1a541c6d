using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;

namespace NewsRoom.Web.Performance;

/// <summary>How responses leave the site: compressed, and static files cached for long when their address is fingerprinted.</summary>
internal static class DeliveryExtensions
{
    private static readonly string[] CompressedTypes =
        [.. ResponseCompressionDefaults.MimeTypes, "application/atom+xml", "application/rss+xml", "image/svg+xml"];

    /// <summary>Brotli and gzip for html, xml, css, js and json; a few requests at a time; native memory handed back.</summary>
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
        // The fastest levels: a cached page is compressed again for every reader, and level 1 already takes an
        // article page to a fraction of its size.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        // SQLite calls block their thread, so a burst of readers grows the thread pool and the connection pool (each
        // connection with its own page cache) far past what two cores can use. A few requests at a time run; the rest
        // wait in order, unrefused. Fewer threads and connections: less memory and less contention, not less throughput.
        services.Configure<RateLimiterOptions>(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
            _ => RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Environment.ProcessorCount * 4,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })));
        // A served site only: command mode never starts hosted services.
        services.AddHostedService<NativeMemoryTrimmer>();
        return services;
    }

    /// <summary>
    /// Compression outside the output cache, so the cache keeps one plain copy of a page and never serves gzip to a
    /// client that did not ask for it; then static files.
    /// </summary>
    public static void UseNewsRoomDelivery(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // asp-append-version puts the file's hash in ?v=: such an address never changes content, so browsers
                // and proxies may keep it for a year; a bare address is revalidated through its ETag.
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, no-cache";
            },
        });
    }
}
