namespace NewsRoom.Web.Tests;

/// <summary>Readers pay nothing for server-side sessions: only a request with a login cookie looks one up.</summary>
public class SessionStoreCostTests(CommandLogFactory factory) : IClassFixture<CommandLogFactory>
{
    [Fact]
    public async Task AnonymousReader_NeverTouchesTheSessionTable_ASignedInEditorDoes()
    {
        using var reader = TestClients.Anonymous(factory);
        // A reader who once opened the login form carries its antiforgery cookie: still no login cookie.
        await reader.GetDocumentAsync("/account/login");
        factory.Log.Clear();
        await reader.GetDocumentAsync("/");
        await reader.GetDocumentAsync("/regions");
        var readerCommands = factory.Log.Commands;

        using var editor = await TestClients.EditorAsync(factory, "cost@test.local");
        factory.Log.Clear();
        await editor.GetDocumentAsync("/");
        var editorCommands = factory.Log.Commands;

        Assert.DoesNotContain(readerCommands, c => c.Contains("UserSessions", StringComparison.Ordinal));
        Assert.Contains(editorCommands, c => c.Contains("UserSessions", StringComparison.Ordinal));
    }
}
