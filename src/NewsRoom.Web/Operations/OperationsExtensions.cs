namespace NewsRoom.Web.Operations;

internal static class OperationsExtensions
{
    /// <summary>The health check behind /healthz.</summary>
    public static IServiceCollection AddNewsRoomOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>/healthz for monitors and /admin/backup for admins.</summary>
    public static IEndpointRouteBuilder MapNewsRoomOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz");
        endpoints.MapDatabaseBackup();
        return endpoints;
    }
}
