using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>What an injected payload would have to produce to run, looked for in parsed HTML.</summary>
internal static class HtmlSafety
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"];
    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:text/html"];
    private static readonly string[] ForeignElements = ["iframe", "object", "embed", "svg", "math", "style", "base", "frame", "frameset", "applet"];
    // Only tag openings: an escaped payload legitimately keeps its "onerror=" as text.
    private static readonly string[] RawMarkers = ["<script>alert", "<img src=x", "<svg", "<iframe"];

    public static async Task<List<string>> ViolationsAsync(string html, string where)
    {
        var found = new List<string>();
        foreach (var marker in RawMarkers.Where(m => html.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            found.Add($"{where}: raw \"{marker}\" in the HTML");
        }
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost/"));
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (ForeignElements.Contains(name))
            {
                found.Add($"{where}: <{name}> element");
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name.Equals("srcdoc", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{where}: <{name} {attribute.Name}=\"{attribute.Value}\">");
                }
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                {
                    var compact = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    if (DangerousSchemes.Any(s => compact.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{where}: <{name} {attribute.Name}=\"{attribute.Value}\">");
                    }
                }
            }
            if (name == "script")
            {
                var type = element.GetAttribute("type");
                if (type == "application/ld+json")
                {
                    if (element.TextContent.Contains("</script", StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"{where}: JSON-LD holds </script");
                    }
                    try
                    {
                        using var _ = JsonDocument.Parse(element.TextContent);
                    }
                    catch (JsonException ex)
                    {
                        found.Add($"{where}: JSON-LD does not parse: {ex.Message}");
                    }
                }
                else if (element.GetAttribute("src") is not { } src || !src.StartsWith('/') || src.StartsWith("//", StringComparison.Ordinal) || !string.IsNullOrWhiteSpace(element.TextContent))
                {
                    found.Add($"{where}: a script that is not one of the site's files: {element.OuterHtml}");
                }
            }
        }
        return found;
    }
}

/// <summary>A corpus of script-injection payloads in every field a person can write, rendered on every page that shows it.</summary>
public class XssTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    public static readonly string[] Payloads =
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'><svg/onload=alert(1)>",
        "javascript:alert(1)",
        "[点我](javascript:alert(1))",
        "![图](javascript:alert(1))",
        "[大小写](JaVaScRiPt:alert(1))",
        "[实体](&#106;avascript:alert(1))",
        "<javascript:alert(1)>",
        "[引用]\n\n[引用]: javascript:alert(1)",
        "[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[vb](vbscript:msgbox(1))",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "</textarea><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "<iframe src=javascript:alert(1)></iframe>",
        "<a href=\"javascript:alert(1)\">链接</a>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)' autofocus='",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<object data=javascript:alert(1)>",
        "<!--<script>alert(1)//-->",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "<a href=\"&#x6A;avascript:alert(1)\">实体链接</a>",
        "<style>@import 'javascript:alert(1)';</style>",
    ];

    [Fact]
    public async Task Checker_FlagsEachKindOfLiveInjection()
    {
        // The checker is what makes the tests below able to fail: it must see what a payload would do if let through.
        string[] live =
        [
            "<p><script>alert(1)</script></p>",
            "<img src=x onerror=alert(1)>",
            "<a href=\" JaVa\tscript:alert(1)\">x</a>",
            "<svg></svg>",
            "<script type=\"application/ld+json\">{\"a\":\"</script><p>\"}</script>",
        ];

        foreach (var html in live)
        {
            Assert.NotEmpty(await HtmlSafety.ViolationsAsync(html, "sample"));
        }
        Assert.Empty(await HtmlSafety.ViolationsAsync("<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"/articles/1\">x</a></p><script src=\"/js/editor.js\"></script>", "sample"));
    }

    [Fact]
    public async Task PayloadsStoredInEveryField_AreInertOnEveryPageThatShowsThem()
    {
        var (slug, issueId, articles) = await factory.WithDbAsync(async db =>
        {
            var slug = await db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder).Select(r => r.Slug).FirstAsync();
            var issueId = await ReaderTestData.CreateIssueAsync(db, "<script>alert('paper')</script>");
            var created = new List<(int Id, int PersonId, string Marker)>();
            for (var i = 0; i < Payloads.Length; i++)
            {
                var payload = Payloads[i];
                var marker = $"xss{i:00}z";
                var article = await ReaderTestData.CreateArticleAsync(db, $"{marker} {payload}",
                    regions: [slug], bylines: [($"{marker}{payload}", BylineRole.Reporter)], issueId: issueId, pagePosition: i + 1,
                    body: $"{payload}\n\n第二段 {payload}", photoCaption: payload);
                article.Kicker = payload;
                article.Subheadline = payload;
                article.Column = payload;
                article.DatelineKind = "讯";
                article.DatelinePlace = payload;
                article.DatelineDate = "6月2日";
                article.Photos[0].Title = payload;
                article.Photos[0].Credits = payload;
                created.Add((article.Id, article.Bylines[0].PersonId, marker));
            }
            await db.SaveChangesAsync();
            return (slug, issueId, created);
        });
        using var reader = TestClients.Anonymous(factory);
        using var editor = await TestClients.EditorAsync(factory);

        var violations = new List<string>();
        foreach (var (id, personId, marker) in articles)
        {
            var page = await CheckAsync(reader, $"/articles/{id}", violations);
            Assert.Contains(marker, page, StringComparison.Ordinal);
            await CheckAsync(reader, $"/people/{personId}", violations);
            await CheckAsync(editor, $"/editor/articles/{id}", violations);
            await CheckAsync(editor, $"/editor/articles/{id}/history", violations);
        }
        var printedPage = await factory.WithDbAsync(db => db.Issues.Where(i => i.Id == issueId)
            .Select(i => new { i.Edition.Paper.Slug, i.Edition.PrintDate, i.PageNumber }).SingleAsync());
        var pageAddress = EditionAddresses.Page(printedPage.Slug, printedPage.PrintDate, printedPage.PageNumber, issueId);
        foreach (var url in new[] { "/", $"/regions/{slug}", pageAddress, "/photos", "/editor" })
        {
            var page = await CheckAsync(url.StartsWith("/editor", StringComparison.Ordinal) ? editor : reader, url, violations);
            Assert.Contains("xss", page, StringComparison.Ordinal);
        }
        foreach (var url in new[] { "/feed.xml", $"/regions/{slug}/feed.xml" })
        {
            await CheckFeedAsync(reader, url, violations);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task PayloadsInCorrectionsAndRetractionReasons_AreInertOnEveryPageThatShowsThem()
    {
        var (corrected, retracted) = await factory.WithDbAsync(async db =>
        {
            var corrected = await ReaderTestData.CreateArticleAsync(db, $"xssfix {Payloads[1]}");
            var retracted = await ReaderTestData.CreateArticleAsync(db, $"xssgone {Payloads[1]}", status: ArticleStatus.Retracted);
            for (var i = 0; i < Payloads.Length; i++)
            {
                db.Corrections.Add(new Correction
                {
                    ArticleId = corrected.Id,
                    Kind = i % 2 == 0 ? CorrectionKind.Correction : CorrectionKind.Clarification,
                    Text = $"xss{i:00}z {Payloads[i]}",
                    Date = new DateOnly(2025, 6, 2),
                    CreatedAt = DateTime.UtcNow,
                    CreatedBy = Payloads[i],
                });
            }
            db.Retractions.Add(new Retraction
            {
                ArticleId = retracted.Id,
                PublicReason = "xss " + string.Join(" ", Payloads),
                InternalNote = string.Join(" ", Payloads),
                RetractedAt = DateTime.UtcNow,
                RetractedBy = Payloads[0],
            });
            await db.SaveChangesAsync();
            return (corrected.Id, retracted.Id);
        });
        using var reader = TestClients.Anonymous(factory);
        using var editor = await TestClients.EditorAsync(factory);

        var violations = new List<string>();
        var story = await CheckAsync(reader, $"/articles/{corrected}", violations);
        var listed = await CheckAsync(reader, "/corrections", violations) + await CheckAsync(reader, "/corrections?page=2", violations);
        var desk = await CheckAsync(editor, $"/editor/articles/{corrected}/notices", violations);
        await CheckAsync(editor, $"/editor/articles/{retracted}/notices", violations);
        await CheckFeedAsync(reader, "/corrections/feed.xml", violations);
        using var gone = await reader.GetAsync(new Uri($"/articles/{retracted}", UriKind.Relative));
        var notice = await gone.Content.ReadAsStringAsync();
        violations.AddRange(await HtmlSafety.ViolationsAsync(notice, $"/articles/{retracted} (410)"));

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("xssgone", notice, StringComparison.Ordinal);
        Assert.All(new[] { story, listed, desk }, page => Assert.All(Enumerable.Range(0, Payloads.Length), i => Assert.Contains($"xss{i:00}z", page, StringComparison.Ordinal)));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task PayloadHeadline_InTheFrontPageLeadSlot_IsShownAsText()
    {
        using var reader = TestClients.Anonymous(factory);
        string[] payloads = ["<img src=x onerror=alert(1)>", "<script>alert('xss')</script>", "\"><svg onload=alert(1)>"];

        foreach (var payload in payloads)
        {
            // The newest published story with some substance is the lead.
            var id = await factory.WithDbAsync(async db => (await ReaderTestData.CreateArticleAsync(
                db, payload, body: string.Concat(Enumerable.Repeat("头条正文足够长。", 40)), publishedAt: DateTime.UtcNow.AddYears(1))).Id);
            try
            {
                var html = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
                var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost/"));
                var lead = page.QuerySelector("section.lead")!;

                Assert.Equal($"/articles/{id}", lead.QuerySelector("h2 a")!.GetAttribute("href"));
                Assert.Equal(payload, lead.QuerySelector("h2 a")!.TextContent);
                var violations = await HtmlSafety.ViolationsAsync(lead.OuterHtml, "front page lead " + payload);
                Assert.True(violations.Count == 0, string.Join("\n", violations));
            }
            finally
            {
                // Out of the lead again, so the next payload and other tests' pages are not led by it.
                await factory.WithDbAsync(async db =>
                {
                    (await db.Articles.SingleAsync(a => a.Id == id)).Status = ArticleStatus.Archived;
                    return await db.SaveChangesAsync();
                });
            }
        }
    }

    [Fact]
    public async Task PayloadsInTheSearchInput_AreInert()
    {
        using var reader = TestClients.Anonymous(factory);
        var violations = new List<string>();

        foreach (var payload in Payloads)
        {
            await CheckAsync(reader, "/search?q=" + Uri.EscapeDataString(payload), violations, allowNotFound: true);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task PayloadsWrittenThroughTheEditorForm_AreInertInThePreviewTheFormAndTheArticle()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory);
        var slugId = await factory.WithDbAsync(db => db.Regions.Where(r => r.ParentId == null).OrderBy(r => r.SortOrder).Select(r => r.Id).FirstAsync());
        var violations = new List<string>();

        foreach (var payload in Payloads.Take(12).Concat(Payloads.Skip(15).Take(3)))
        {
            var form = await EditorWorkflowTests.NewFormAsync(editor);
            using var preview = await EditorWorkflowTests.SubmitAsync(editor, form, new Dictionary<string, string?> { ["Input.Headline"] = payload, ["Input.Body"] = payload }, "Preview");
            violations.AddRange(await HtmlSafety.ViolationsAsync(await preview.Content.ReadAsStringAsync(), "preview of " + payload));

            var id = await EditorWorkflowTests.CreateAsync(editor, "表单 " + payload, payload, new Dictionary<string, string?>
            {
                ["Input.Regions[0].RegionId"] = slugId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Regions[0].IsPrimary"] = "true",
            });
            using var published = await EditorWorkflowTests.PressAsync(editor, id, "Publish");
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            await CheckAsync(editor, $"/editor/articles/{id}", violations);
            await CheckAsync(editor, $"/editor/articles/{id}/history", violations);
            var article = await CheckAsync(editor, $"/articles/{id}", violations);
            Assert.Contains("表单", article, StringComparison.Ordinal);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task<string> CheckAsync(HttpClient client, string url, List<string> violations, bool allowNotFound = false)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (!(response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)))
        {
            violations.Add($"{url}: {(int)response.StatusCode}");
        }
        violations.AddRange(await HtmlSafety.ViolationsAsync(html, url));
        return html;
    }

    /// <summary>The feed must stay well-formed XML, and the HTML it carries for feed readers must be inert too.</summary>
    private static async Task CheckFeedAsync(HttpClient client, string url, List<string> violations)
    {
        var text = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        XDocument feed;
        try
        {
            feed = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException ex)
        {
            violations.Add($"{url}: not XML: {ex.Message}");
            return;
        }
        var entries = 0;
        foreach (var element in feed.Descendants().Where(e => e.Name.LocalName is "content" or "summary" or "title"))
        {
            entries++;
            var html = (string?)element.Attribute("type") == "html" ? element.Value : WebUtility.HtmlEncode(element.Value);
            violations.AddRange(await HtmlSafety.ViolationsAsync(html, $"{url} <{element.Name.LocalName}>"));
        }
        if (!text.Contains("xss", StringComparison.Ordinal) || entries == 0)
        {
            violations.Add($"{url}: the payload articles are not in the feed");
        }
    }
}

