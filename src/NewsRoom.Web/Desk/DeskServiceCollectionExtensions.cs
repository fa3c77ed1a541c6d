namespace NewsRoom.Web.Desk;

internal static class DeskServiceCollectionExtensions
{
    /// <summary>The editors' workflow (save, publish, schedule, revisions) and the scheduler that publishes on time.</summary>
    public static IServiceCollection AddNewsRoomDesk(this IServiceCollection services)
    {
        services.AddScoped<ArticleWorkflow>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
