using System.Collections.Concurrent;

namespace NewsRoom.Web.Performance;

/// <summary>
/// One logger per category, made once. Serilog's logger factory builds a new logger (with its own event-id cache) on
/// every CreateLogger call, and the cookie authentication handler is made for each request and asks for one: on a
/// cached page that was about a tenth of everything the request allocated (bench/README, fifth pass). The framework's
/// own LoggerFactory keeps its loggers the same way; categories are type names, a fixed set.
/// </summary>
internal sealed class CategoryLoggerCache(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

internal static class CategoryLoggerCacheExtensions
{
    /// <summary>Wraps the logger factory registered last (Serilog's) in <see cref="CategoryLoggerCache"/>.</summary>
    public static IServiceCollection CacheLoggersByCategory(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No ILoggerFactory is registered to wrap.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CategoryLoggerCache(registered switch
        {
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            { ImplementationInstance: ILoggerFactory instance } => instance,
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
        return services;
    }
}
