using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>A run stopped in the middle of a file tells, after the restart, exactly which of its files are in the store.</summary>
public sealed class InterruptedImportTests : IDisposable
{
    private const int Files = 5;
    private const int StoredBeforeTheCrash = 3;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-tests", "interrupted-" + Guid.NewGuid().ToString("N"));

    public InterruptedImportTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "newsroom.db");

    [Fact]
    public async Task Run_StoppedInTheMiddleOfAFile_IsShownInterruptedWithTheFilesStoredAndNotStarted()
    {
        TemplateStore.CopyTo(DatabasePath, seeded: false);
        int runId;
        using (var before = new StoppingSiteFactory(DatabasePath))
        {
            before.Stop.AfterFiles = StoredBeforeTheCrash;
            using var scope = before.Services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            runId = await runner.CreateAsync("命令行", Files);
            // As the command line runs a folder: file after file, until the process stops inside the fourth.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                for (var i = 0; i < Files; i++)
                {
                    await runner.ImportFileAsync(runId, Dump(i), null, CancellationToken.None);
                }
            });
        }

        using var after = new StoppingSiteFactory(DatabasePath);
        using var admin = after.CreateClientAs(Roles.Admin);
        var page = await admin.GetDocumentAsync($"/admin/import/run/{runId}");
        var run = await after.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        var issues = await after.WithDbAsync(db => db.Issues.Select(i => i.SourceFileName).OrderBy(n => n).ToListAsync());

        Assert.Equal(["interrupted-0.txt", "interrupted-1.txt", "interrupted-2.txt"], issues);
        Assert.Equal((ImportRunState.Interrupted, StoredBeforeTheCrash, Files), (run.State, run.FilesDone, run.FilesTotal));
        Assert.Equal("已中断", page.QuerySelector("[data-field='text']")!.TextContent);
        Assert.Equal("3", page.QuerySelector("[data-field='filesDone']")!.TextContent);
        Assert.Contains("5 个文件中已导入 3 个，2 个未开始", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["interrupted-0.txt", "interrupted-1.txt", "interrupted-2.txt"], page.QuerySelectorAll("tr[data-file]").Select(r => r.GetAttribute("data-file")));
        // The run is finished for the progress page: it stops polling.
        Assert.Equal("true", page.QuerySelector("[data-run-status]")!.GetAttribute("data-finished"));
    }

    [Fact]
    public void InterruptedText_NamesStoredFailedAndNotStartedFiles()
    {
        Assert.Equal("导入被中断（服务停止）：200 个文件中已导入 154 个，46 个未开始。已导入的文件完整地在库中，未开始的文件没有写入任何内容，可以重新导入。",
            ImportRunner.InterruptedText(200, 154, 0));
        Assert.StartsWith("导入被中断（服务停止）：200 个文件中已导入 150 个，4 个失败，46 个未开始。", ImportRunner.InterruptedText(200, 150, 4), StringComparison.Ordinal);
    }

    private static ImportSource Dump(int i) =>
        new($"interrupted-{i}.txt", Encoding.UTF8.GetBytes($"草原书屋第{i + 1}站开门\n\n□本报记者 乌日娜\n\n第{i + 1}个牧区书屋开门了，牧民在家门口就能借到书。\n"), IssueOrigin.CommandLine);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    /// <summary>The site on a given store, with the test sign-in and a switch that stops the process inside a file.</summary>
    private sealed class StoppingSiteFactory(string databasePath) : NewsRoomFactory
    {
        public StopInsideAFile Stop { get; } = new();

        protected override bool ImportSeeds => false;

        protected override bool StartsFromTemplate => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:NewsRoom", $"Data Source={databasePath}");
            builder.ConfigureTestServices(services =>
            {
                services.AddTestAuth();
                services.ConfigureDbContext<NewsRoomDb>(options => options.AddInterceptors(Stop));
            });
        }
    }

    /// <summary>
    /// After a number of files are stored, the next file's first save stops as a killed process stops: inside the file's
    /// transaction, which is never committed.
    /// </summary>
    private sealed class StopInsideAFile : SaveChangesInterceptor
    {
        private int _issuesStarted;

        public int? AfterFiles { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (AfterFiles is int files && eventData.Context!.ChangeTracker.Entries<Issue>().Any(e => e.State == EntityState.Added) && ++_issuesStarted > files)
            {
                throw new OperationCanceledException("the process stopped in the middle of a file");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
