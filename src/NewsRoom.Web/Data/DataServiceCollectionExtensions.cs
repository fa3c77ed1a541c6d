using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

internal static class DataServiceCollectionExtensions
{
    /// <summary>The store: EF Core on SQLite, its contexts pooled.</summary>
    public static IServiceCollection AddNewsRoomData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ResolveConnectionString(configuration.GetConnectionString("NewsRoom"), Environment.CurrentDirectory);
        services.AddSingleton(new SqlitePragmas());
        // The article page's statement, kept prepared on connections of its own; disposed, and its connections closed, with the host.
        services.AddSingleton(_ => new ArticlePageStatement(connectionString));
        // Pooled: a reader request then reuses a context instead of building one and its services each time.
        services.AddDbContextPool<NewsRoomDb>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        return services;
    }

    // A relative data source is taken from the directory the site was started in, and its folder is made,
    // so a fresh clone needs nothing set up and `dotnet run` from the root keeps its data in ./data.
    internal static string ResolveConnectionString(string? configured, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/newsroom.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        builder.Pooling = true;
        return builder.ToString();
    }
}
