namespace NewsRoom.Web.Audit;

internal static class AuditServiceCollectionExtensions
{
    /// <summary>The audit trail every room writes to, and its daily pruning by age.</summary>
    public static IServiceCollection AddNewsRoomAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        services.AddOptions<NewsRoomOptions>().Validate(
            o => o.Audit.RetainDays >= AuditOptions.MinimumRetainDays,
            $"NewsRoom:Audit:RetainDays must be at least {AuditOptions.MinimumRetainDays} (six months, the minimum Chinese law asks logs to be kept).");
        return services;
    }
}
