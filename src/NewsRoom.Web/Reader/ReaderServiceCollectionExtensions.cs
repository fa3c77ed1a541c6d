using Microsoft.Net.Http.Headers;

namespace NewsRoom.Web.Reader;

internal static class ReaderServiceCollectionExtensions
{
    /// <summary>
    /// The reader site: its output cache, evicted by the interceptor on every save that touches articles, and the
    /// article page's reader and its retraction notices; the size of the sitemap's files.
    /// </summary>
    public static IServiceCollection AddNewsRoomReader(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // A paper's hot pages (the front page, the leagues, the day's stories) are a few hundred: 32 MB holds thousands.
            // The default of 100 MB would let one crawler walking the archive hold that much memory for ten minutes.
            options.SizeLimit = 32 * 1024 * 1024;
            // One copy per Accept-Encoding: compression runs inside the cache, so a hit is sent as stored.
            options.AddPolicy(ReaderCache.AllTag, policy => policy.Expire(TimeSpan.FromMinutes(10)).Tag(ReaderCache.AllTag)
                .SetVaryByHeader(HeaderNames.AcceptEncoding));
        });
        services.AddOptions<SitemapOptions>().BindConfiguration(SitemapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReaderCache>();
        services.AddSingleton<ReaderCacheInterceptor>();
        services.ConfigureDbContext<NewsRoomDb>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ReaderCacheInterceptor>()));
        services.AddSingleton<ArticlePageReader>();
        services.AddScoped<RetractionNotices>();
        return services;
    }
}
