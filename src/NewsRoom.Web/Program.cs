// The site, its rooms put together in Hosting/NewsRoomHosting.cs.

// Command mode (parse, import) runs without serving: parse prints only JSON on standard output.
if (CommandMode.IsCommand(args))
{
    return await CommandMode.RunAsync(args, NewsRoomHosting.Build);
}

var app = NewsRoomHosting.Build(args);

// Migrate, load the gazetteer, create the first admin and, on first start, import the seeds.
await app.InitializeNewsRoomAsync();

app.UseNewsRoom();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
