using System.Diagnostics;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace NewsRoom.Web.Tests;

/// <summary>
/// Every form of the site, found by visiting its pages as a visitor, an editor and an admin, sent field by field with
/// hostile values (control characters, an encoded lone surrogate, a megabyte, numbers and dates out of range,
/// direction controls): no answer is a 500, and a post that is refused, or carries a control character, leaves the
/// store as it was.
/// </summary>
public class FormFuzzTests(AdminFactory factory, ITestOutputHelper output) : IClassFixture<AdminFactory>
{
    // A field no form has: a handler must cope with what it did not ask for too.
    private const string ExtraField = "fuzz-extra";

    /// <summary>A hostile value as the bytes sent (before percent-encoding), and whether no form may take it.</summary>
    private sealed record Hostile(string Name, byte[] Bytes, bool Refused)
    {
        public Hostile(string name, string text, bool refused = false)
            : this(name, Encoding.UTF8.GetBytes(text), refused)
        {
        }
    }

    private static readonly Hostile[] Values =
    [
        new("NUL", "草原\0书屋", refused: true),
        new("escape", "\u001B[31m红色", refused: true),
        // The UTF-8 form of U+D800, which no well-formed text has: a url-encoded form keeps it as the text "%ED%A0%80", a
        // multipart one decodes it as U+FFFD (refused there), so it need not be refused everywhere.
        new("lone surrogate", [0xE4, 0xB9, 0x8C, 0xED, 0xA0, 0x80], Refused: false),
        new("one megabyte", new string('x', 1024 * 1024)),
        new("minus one", "-1"),
        new("twenty digits", "99999999999999999999"),
        new("first day", "0001-01-01"),
        new("last day", "9999-12-31"),
        new("first moment", "0001-01-01T00:00"),
        new("right-to-left override", "\u202Egnp.exe 图片"),
    ];

    [Fact]
    public async Task EveryForm_FieldByField_WithHostileValues_NeverGives500_AndARefusedPostChangesNothing()
    {
        var watch = Stopwatch.StartNew();
        var (articleId, targetUser) = await PrepareAsync();
        using var visitor = factory.CreateClientAs(null);
        using var editor = factory.CreateClientAs(Roles.Editor);
        using var admin = factory.CreateClientAs(Roles.Admin);
        var seed = await factory.WithDbAsync(db => db.Issues.Select(i => i.SourceFileName).OrderBy(n => n).FirstAsync());
        var region = await factory.WithDbAsync(db => db.Regions.Where(r => r.ParentId == null).Select(r => r.Slug).FirstAsync());
        // A published story, whose 更正与撤稿 page offers both of its forms.
        var published = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(db, ReaderTestData.Unique("模糊更正"))).Id);
        var pages = new (HttpClient Client, string Url)[]
        {
            (visitor, "/"), (visitor, "/search"), (visitor, $"/regions/{region}"), (visitor, "/account/login"),
            (editor, "/editor"), (editor, "/editor/articles/new"), (editor, $"/editor/articles/{articleId}"),
            (editor, $"/editor/articles/{articleId}/history"), (editor, "/account/changepassword"),
            (admin, "/admin/users"), (admin, "/admin/import"), (admin, $"/admin/import/preview?file={Uri.EscapeDataString("Seed|" + seed)}"),
            (admin, $"/editor/articles/{published}/notices"),
        };

        var failures = new List<string>();
        var forms = new HashSet<string>(StringComparer.Ordinal);
        var requests = 0;
        var timeByForm = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (client, url) in pages)
        {
            var document = await client.GetDocumentAsync(url);
            foreach (var form in document.Forms)
            {
                var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
                var action = Forms.ActionOf(form).OriginalString;
                var names = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.Length > 0).Distinct().Append(ExtraField).ToList();
                // The layout's forms are on every page: each is sent once, from the first page it is met on.
                if (!forms.Add($"{method} {action} {string.Join(',', names)}"))
                {
                    continue;
                }
                // Only users this test made are locked, reset or deleted: the forms of the admin's own account are left alone.
                if (action.Contains("id=", StringComparison.Ordinal) && url == "/admin/users" && !action.Contains(targetUser, StringComparison.Ordinal))
                {
                    continue;
                }
                // The form's own action first, then each button that posts elsewhere.
                var formWatch = Stopwatch.StartNew();
                var buttons = new List<IHtmlElement?> { null };
                buttons.AddRange(form.QuerySelectorAll<IHtmlButtonElement>("button[formaction]"));
                foreach (var value in Values)
                {
                    // A GET form's fields travel in the request line, which a server refuses past 8 KB (414) before the site sees it.
                    if (method == "GET" && value.Bytes.Length > 8192)
                    {
                        continue;
                    }
                    foreach (var name in names)
                    {
                        requests++;
                        await SendAsync(client, form, buttons[0], name, value, failures);
                    }
                    // The other buttons post to other handlers: each gets every value in the first field.
                    foreach (var button in buttons.Skip(1))
                    {
                        requests++;
                        await SendAsync(client, form, button, names[0], value, failures);
                    }
                }
                timeByForm[$"{method} {action}"] = formWatch.Elapsed;
            }
        }

        output.WriteLine($"{forms.Count} forms, {requests} requests, {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var (form, time) in timeByForm.OrderByDescending(t => t.Value).Take(8))
        {
            output.WriteLine($"  {form}: {time.TotalSeconds:F1} s");
        }
        Assert.Contains(forms, f => f.StartsWith("POST /editor/articles/new", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("POST /admin/users?handler=create", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(forms, f => f.StartsWith("POST /admin/import?handler=upload", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(forms, f => f.StartsWith("POST /account/login", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("GET /search", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith($"POST /editor/articles/{published}/notices?handler=retract", StringComparison.OrdinalIgnoreCase));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    // The store as the last request left it: one read per request instead of two.
    private string? _store;

    private async Task SendAsync(HttpClient client, IHtmlFormElement form, IHtmlElement? button, string name, Hostile value, List<string> failures)
    {
        var before = _store ?? await StoreAsync();
        var fields = Forms.Fields(form, button: button).Select(f => (f.Key, Bytes: Encoding.UTF8.GetBytes(f.Value))).Where(f => f.Key != name).ToList();
        fields.Add((name, value.Bytes));
        var action = Forms.ActionOf(form, button).OriginalString;
        var get = string.Equals(form.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase) || form.GetAttribute("method") is null;
        using var response = get
            ? await client.GetAsync(new Uri(action.Split('?')[0] + "?" + UrlEncoded(fields), UriKind.Relative))
            : await client.PostAsync(new Uri(action, UriKind.Relative), Body(form, fields));
        var status = (int)response.StatusCode;
        var what = $"{(get ? "GET" : "POST")} {action} {name}={value.Name}";
        if (status >= 500)
        {
            failures.Add($"{what}: {status}");
            _store = null;
            return;
        }
        var accepted = status is >= 300 and < 400 && !(response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) ?? false);
        _store = await StoreAsync();
        if ((value.Refused || !accepted) && _store != before)
        {
            failures.Add($"{what}: {status}, and the store changed");
        }
    }

    private static HttpContent Body(IHtmlFormElement form, List<(string Key, byte[] Bytes)> fields)
    {
        if (!string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(UrlEncoded(fields)));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }
        var multipart = new MultipartFormDataContent();
        foreach (var (key, bytes) in fields)
        {
            multipart.Add(new ByteArrayContent(bytes), key);
        }
        // The upload form gets a real page to take, so a post the filter lets through goes all the way to the store.
        var file = new ByteArrayContent(File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).First()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        multipart.Add(file, "Upload", "fuzz-upload.txt");
        return multipart;
    }

    // Percent-encodes bytes as they are, so a byte sequence that is not UTF-8 reaches the server as sent.
    private static string UrlEncoded(IEnumerable<(string Key, byte[] Bytes)> fields) =>
        string.Join('&', fields.Select(f => Percent(Encoding.UTF8.GetBytes(f.Key)) + "=" + Percent(f.Bytes)));

    private static string Percent(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }

    // A draft of the test's own to edit, and an editor account whose admin forms may be sent.
    private async Task<(int ArticleId, string TargetUser)> PrepareAsync()
    {
        await TestClients.EnsureUserAsync(factory, "fuzz-target@test.local", TestClients.EditorPassword, Roles.Editor);
        var target = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "fuzz-target@test.local").Select(u => u.Id).SingleAsync());
        using var editor = factory.CreateClientAs(Roles.Editor);
        var page = await editor.GetDocumentAsync("/editor/articles/new");
        using var saved = await editor.SubmitAsync(page.Form("#article-form"), new Dictionary<string, string?>
        {
            ["Input.Headline"] = "表单测试用稿",
            ["Input.Body"] = "正文。",
        });
        var id = int.Parse(Forms.LocationOf(saved).Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
        return (id, target);
    }

    /// <summary>
    /// What a post could change, read straight from the database file: row counts, every article's and account's stamps,
    /// and the uploads folder. Import runs are left out: a confirmed preview runs in the background and only adds a run.
    /// </summary>
    private async Task<string> StoreAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM Articles) || ',' || (SELECT count(*) FROM Revisions) || ',' || (SELECT count(*) FROM People)
                || ',' || (SELECT count(*) FROM Issues) || ',' || (SELECT count(*) FROM ArticleBylines) || ',' || (SELECT count(*) FROM ArticleRegions)
                || ',' || (SELECT count(*) FROM Photos) || ',' || (SELECT count(*) FROM AspNetUsers) || ',' || (SELECT count(*) FROM AspNetUserRoles)
                || ',' || (SELECT group_concat(Id || ':' || ConcurrencyStamp || ':' || Status, ';') FROM Articles)
                || ',' || (SELECT group_concat(Id || ':' || ifnull(SecurityStamp, '') || ':' || ifnull(PasswordHash, '') || ':' || ifnull(LockoutEnd, ''), ';') FROM AspNetUsers)
            """;
        var rows = (string)(await command.ExecuteScalarAsync())!;
        var uploads = factory.Services.GetRequiredService<ImportFiles>().UploadsFolder;
        var files = Directory.Exists(uploads)
            ? string.Join(';', Directory.GetFiles(uploads).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}"))
            : string.Empty;
        return rows + "|" + files;
    }
}
