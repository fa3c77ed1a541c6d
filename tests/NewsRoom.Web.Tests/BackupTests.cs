using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

public class BackupTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    [Fact]
    public async Task AdminDownloadsBackup_ThatOpensAsSqlite_PassesIntegrityCheck_AndHoldsEveryPublishedArticle()
    {
        var marker = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("备份"))).Id);
        var live = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        using var admin = await TestClients.AdminAsync(factory);

        using var response = await admin.GetAsync(new Uri("/admin/backup", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(Path.GetTempPath(), $"newsroom-backup-test-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await copy.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check"));
            var ids = new List<long>();
            using (var command = copy.CreateCommand())
            {
                command.CommandText = "SELECT Id FROM Articles WHERE Status = 'Published' ORDER BY Id";
                using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            Assert.Contains(marker, live);
            Assert.Equal(live.Select(i => (long)i), ids);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
