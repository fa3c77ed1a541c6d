namespace NewsRoom.Web.Import;

internal static class AdminImportServiceCollectionExtensions
{
    /// <summary>The admin console's imports: the files on offer, and runs queued to a background worker.</summary>
    public static IServiceCollection AddNewsRoomAdminImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportFiles>();
        services.AddSingleton<ImportBacklog>();
        services.AddScoped<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
