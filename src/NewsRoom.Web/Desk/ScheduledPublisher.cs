namespace NewsRoom.Web.Desk;

/// <summary>
/// Publishes scheduled articles when their time comes. The schedule lives in the database (status Scheduled,
/// PublishedAt the time), so a restart loses nothing: the first round after start publishes whatever fell due.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    /// <summary>How often the schedule is looked at; articles appear at most this late.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var published = await scope.ServiceProvider.GetRequiredService<ArticleWorkflow>().PublishDueAsync(stoppingToken);
                if (published > 0)
                {
                    logger.LogInformation("Published {Count} scheduled articles", published);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed round (a locked database) must not stop the schedule for good.
                logger.LogError(ex, "Publishing scheduled articles failed; trying again in {Interval}", Interval);
            }
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
