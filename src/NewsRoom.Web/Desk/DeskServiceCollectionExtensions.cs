namespace NewsRoom.Web.Desk;

internal static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// The editors' workflow (save, review, publish, schedule, revisions), its review levels, the edit locks and the
    /// scheduler that publishes on time.
    /// </summary>
    public static IServiceCollection AddNewsRoomDesk(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ArticleWorkflow>();
        services.AddScoped<EditLocks>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
