namespace NewsRoom.Web.Import;

internal static class ImportServiceCollectionExtensions
{
    /// <summary>The importer the first start, the command line and the admin console share.</summary>
    public static IServiceCollection AddNewsRoomImport(this IServiceCollection services)
    {
        services.AddScoped<IssueImporter>();
        services.AddScoped<ReaderCache>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
