namespace NewsRoom.Web.Publishing;

internal static class ReaderServiceCollectionExtensions
{
    /// <summary>The reader site's services: the interceptor that evicts the reader cache on every save, and the article page's reader.</summary>
    public static IServiceCollection AddNewsRoomReader(this IServiceCollection services)
    {
        services.AddSingleton<ReaderCacheInterceptor>();
        services.AddSingleton<ArticlePageReader>();
        services.ConfigureDbContext<NewsRoomDb>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ReaderCacheInterceptor>()));
        return services;
    }
}
