namespace NewsRoom.Web.Import;

internal static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// The importer the first start, the command line and the admin console share, and the admin console's runs:
    /// the files on offer, and runs queued to a background worker.
    /// </summary>
    public static IServiceCollection AddNewsRoomImport(this IServiceCollection services)
    {
        services.AddScoped<IssueImporter>();
        services.AddScoped<ImportWriter>();
        services.AddScoped<EditionFiler>();
        services.AddSingleton<ImportFiles>();
        services.AddSingleton<ImportBacklog>();
        services.AddScoped<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
