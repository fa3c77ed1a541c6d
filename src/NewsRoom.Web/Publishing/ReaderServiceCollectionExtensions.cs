using NewsRoom.Web.Data;

namespace NewsRoom.Web.Publishing;

internal static class ReaderServiceCollectionExtensions
{
    /// <summary>The reader site's services: the interceptor that evicts the reader cache on every save.</summary>
    public static IServiceCollection AddNewsRoomReader(this IServiceCollection services)
    {
        services.AddSingleton<ReaderCacheInterceptor>();
        services.ConfigureDbContext<NewsRoomDb>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ReaderCacheInterceptor>()));
        return services;
    }
}
