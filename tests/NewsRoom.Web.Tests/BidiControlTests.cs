using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsRoom.Web.Tests;

/// <summary>Bidirectional controls (U+202E and its kin) never reach a stored headline, kicker, subheadline or name.</summary>
public class BidiControlTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    // One of each kind: override, embedding, isolate, marks.
    private const string Controls = "\u202E\u202A\u2066\u2069\u200E\u200F\u061C";

    [Fact]
    public async Task Import_StripsDirectionControls_FromHeadlinesAndNames()
    {
        var bytes = Encoding.UTF8.GetBytes("草原\u202E书屋\u2066开门了\u2069\n\n□本报记者 乌日娜\n\n第一个牧区书屋开门了，牧民在家门口就能借到书。\n");
        var reading = PageDump.Read("bidi-import.txt", bytes);
        var article = reading.Issue!.Articles.Single();
        Assert.Contains('\u202E', article.Headline!);
        // The parser does not take a name with a control in it for a byline; a reading that has one still stores it clean.
        var withControls = reading with
        {
            Issue = reading.Issue with
            {
                Articles = [article with { Bylines = [.. article.Bylines.Select(b => b with { Name = "乌\u202E日\u200F娜" }), new ParsedByline("乌日娜", BylineRole.Correspondent)] }],
            },
        };
        _ = factory.Server;
        using (var scope = factory.Services.CreateScope())
        {
            var source = ImportSource.WithReading("bidi-import.txt", bytes, IssueOrigin.Upload, withControls);
            var result = await scope.ServiceProvider.GetRequiredService<IssueImporter>().ImportAsync(source, "test");
            Assert.True(result.Succeeded, result.Error);
        }

        var stored = await factory.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SourceFileName == "bidi-import.txt")
            .Select(a => new { a.Headline, Bylines = a.Bylines.OrderBy(b => b.Order).Select(b => b.Person.Name + ":" + b.Role).ToList() }).SingleAsync());
        var people = await factory.WithDbAsync(db => db.People.CountAsync(p => EF.Functions.Like(p.Name, "乌%娜")));

        Assert.Equal("草原书屋开门了", stored.Headline);
        Assert.Equal(["乌日娜:Reporter", "乌日娜:Correspondent"], stored.Bylines);
        Assert.Equal(1, people);
    }

    [Fact]
    public void Strip_RemovesEveryDirectionControl_AndLeavesOtherTextAlone()
    {
        Assert.Equal("gnp.exe", BidiControls.Strip("gnp" + Controls + ".exe"));
        Assert.Equal("阿拉伯文 عربي 与汉字", BidiControls.Strip("阿拉伯文 عربي 与汉字"));
        Assert.Null(BidiControls.Strip(null));
        Assert.Null(BidiControls.StripToNull(Controls + " "));
    }

    [Fact]
    public async Task DeskSave_StripsDirectionControls_FromTitlesAndBylines()
    {
        using var client = factory.CreateClientAs(Roles.Editor);
        var page = await client.GetDocumentAsync("/editor/articles/new");

        using var response = await client.SubmitAsync(page.Form("#article-form"), new Dictionary<string, string?>
        {
            ["Input.Kicker"] = "引\u202A题",
            ["Input.Headline"] = "txt.\u202Eexe 不是图片",
            ["Input.Subheadline"] = "副\u2067题\u2069",
            ["Input.Body"] = "正文里的 \u202E 留给编辑自己看。",
            ["Input.Bylines[0].Name"] = "巴\u200F特尔",
        });
        var id = int.Parse(Forms.LocationOf(response).Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id)
            .Select(a => new { a.Kicker, a.Headline, a.Subheadline, Names = a.Bylines.Select(b => b.Person.Name).ToList() }).SingleAsync());

        Assert.Equal(("引题", "txt.exe 不是图片", "副题"), (stored.Kicker, stored.Headline, stored.Subheadline));
        Assert.Equal(["巴特尔"], stored.Names);
    }

    [Fact]
    public async Task DeskSave_OfAHeadlineOfNothingButDirectionControls_AsksForAHeadline()
    {
        using var client = factory.CreateClientAs(Roles.Editor);
        var page = await client.GetDocumentAsync("/editor/articles/new");
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());

        using var response = await client.SubmitAsync(page.Form("#article-form"), new Dictionary<string, string?>
        {
            ["Input.Headline"] = Controls,
            ["Input.Body"] = "正文",
        });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写标题", (await Forms.ParseAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }
}
