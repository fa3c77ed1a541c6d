using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsRoom.Web.Tests;

/// <summary>The site's logger factory hands out one logger per category.</summary>
public class LoggerFactoryTests
{
    [Fact]
    public void LoggerFactory_MakesOneLoggerPerCategory()
    {
        using var factory = new NewsRoomFactory();
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();

        Assert.Same(loggers.CreateLogger("NewsRoom.Category"), loggers.CreateLogger("NewsRoom.Category"));
        Assert.NotSame(loggers.CreateLogger("NewsRoom.Category"), loggers.CreateLogger("NewsRoom.Other"));
    }
}
