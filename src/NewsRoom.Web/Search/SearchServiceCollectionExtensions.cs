namespace NewsRoom.Web.Search;

internal static class SearchServiceCollectionExtensions
{
    /// <summary>Search over the FTS5 trigram index of published articles; the index itself is kept in step by database triggers, not by callers.</summary>
    public static IServiceCollection AddNewsRoomSearch(this IServiceCollection services) => services.AddScoped<SearchService>();
}
