namespace NewsRoom.Web.Publishing;

internal static class PublishingServiceCollectionExtensions
{
    /// <summary>The editors' workflow and the scheduler that publishes on time.</summary>
    public static IServiceCollection AddNewsRoomPublishing(this IServiceCollection services)
    {
        services.AddScoped<ArticleWorkflow>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
