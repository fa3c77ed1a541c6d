using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>
/// The digital edition, crawled on a fresh site as a reader would: /papers → a paper's calendar → a day → a page → a story
/// and back; the old /issues addresses redirect; bad addresses are the Chinese 404 page.
/// </summary>
public sealed class EditionCrawlTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private sealed record StoredPage(int Id, string Paper, string Slug, DateOnly? Date, int? Number, DateTime ImportedAt, List<int> Stories);

    private Task<List<StoredPage>> StoredPagesAsync() => factory.WithDbAsync(db => db.Issues
        .Where(i => i.Articles.Any(a => a.Status == ArticleStatus.Published))
        .Select(i => new StoredPage(i.Id, i.Edition.Paper.Name, i.Edition.Paper.Slug, i.Edition.PrintDate, i.PageNumber, i.ImportedAt,
            i.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.PagePosition).ThenBy(a => a.Id).Select(a => a.Id).ToList()))
        .ToListAsync());

    private HttpClient Reader() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Crawl_FreshSite_EveryPaperDayPageAndStoryLinkUp_AndNoStoryWearsTheImportDay()
    {
        var stored = await StoredPagesAsync();
        using var client = Reader();

        // /papers lists every paper of the seeds: the four the pages name (one page names none).
        var papers = await client.GetDocumentAsync("/papers");
        var paperLinks = Links(papers, "ul.papers h2 a");
        Assert.Equal(stored.Select(p => p.Paper).Distinct().Order(), paperLinks.Select(l => l.Text).Order());
        Assert.Equal(new[] { "内蒙古日报", "北方新报", "呼和浩特日报", PaperNames.Unknown }.Order(), paperLinks.Select(l => l.Text).Order());

        foreach (var (paperAddress, paperName) in paperLinks)
        {
            var ofPaper = stored.Where(p => p.Paper == paperName).ToList();
            var (days, undated) = await CalendarAsync(client, paperAddress);
            // The calendar links exactly the days that have an edition, and the undated pages apart.
            Assert.Equal(ofPaper.Where(p => p.Date is not null).Select(p => $"{paperAddress}/{p.Date:yyyy-MM-dd}").Distinct().Order(), days.Order());
            Assert.Equal(ofPaper.Any(p => p.Date is null), undated is not null);

            foreach (var day in undated is null ? days : days.Append(undated))
            {
                var dayPage = await client.GetDocumentAsync(day);
                var pageLinks = Links(dayPage, "ol.edition-pages h2 a").Select(l => l.Href).ToList();
                var filed = ofPaper.Where(p => day.EndsWith(p.Date?.ToString("yyyy-MM-dd") ?? EditionAddresses.Undated, StringComparison.Ordinal)).ToList();
                Assert.Equal(filed.Count, pageLinks.Count);
                foreach (var pageAddress in pageLinks)
                {
                    await CheckPageAsync(client, pageAddress, filed);
                }
            }
        }
    }

    private static async Task CheckPageAsync(HttpClient client, string pageAddress, List<StoredPage> filed)
    {
        var printed = await client.GetDocumentAsync(pageAddress);
        var storyIds = Links(printed, "ol.printed h2 a").Select(l => int.Parse(l.Href["/articles/".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var page = Assert.Single(filed, p => p.Stories.SequenceEqual(storyIds));
        Assert.Equal(EditionAddresses.Page(page.Slug, page.Date, page.Number, page.Id), pageAddress);

        // /issues/{id} now answers with a permanent redirect to this page.
        using var old = await client.GetAsync(new Uri($"/issues/{page.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(pageAddress, Forms.LocationOf(old));

        var importDay = ReaderPages.ChinaDate(page.ImportedAt);
        foreach (var id in storyIds)
        {
            var story = await client.GetDocumentAsync($"/articles/{id}");
            var backLink = story.QuerySelector<IHtmlAnchorElement>("article header a.printed-on");
            Assert.NotNull(backLink);
            Assert.Equal(pageAddress, backLink.GetAttribute("href"));
            var meta = story.QuerySelector("article header .meta")!.TextContent;
            // Unknown is not today: an undated story says so, and no story shows the day it was imported as its print day.
            Assert.Contains(page.Date is null ? "日期不详" : EditionAddresses.DayName(page.Date), meta, StringComparison.Ordinal);
            Assert.DoesNotContain(importDay, meta, StringComparison.Ordinal);
        }
    }

    // Every day linked in every month of the calendar, paging back and forth from the month it opens on.
    private static async Task<(List<string> Days, string? Undated)> CalendarAsync(HttpClient client, string paperAddress)
    {
        var days = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { paperAddress };
        var queue = new Queue<string>([paperAddress]);
        string? undated = null;
        while (queue.TryDequeue(out var month))
        {
            var calendar = await client.GetDocumentAsync(month);
            days.UnionWith(Links(calendar, "td.edition a").Select(l => l.Href));
            undated ??= Links(calendar, "p.undated a").Select(l => l.Href).FirstOrDefault();
            foreach (var other in Links(calendar, "nav.months a").Select(l => l.Href).Where(seen.Add))
            {
                queue.Enqueue(other);
            }
        }
        return ([.. days], undated);
    }

    [Fact]
    public async Task UndatedStory_ListsAfterEveryDatedOne_AndShowsNoDate()
    {
        var stored = await StoredPagesAsync();
        var undatedStory = stored.First(p => p.Date is null).Stories[0];
        using var client = Reader();

        var html = await client.GetDocumentAsync("/");
        var latest = Links(html, "section[aria-labelledby=latest-heading] li a").Select(l => l.Href).ToList();
        var dated = stored.Where(p => p.Date is not null).SelectMany(p => p.Stories).Select(id => $"/articles/{id}").ToHashSet();

        Assert.Contains($"/articles/{undatedStory}", latest);
        Assert.True(latest.FindLastIndex(dated.Contains) < latest.IndexOf($"/articles/{undatedStory}"), "an undated story came before a dated one");
    }

    [Theory]
    [InlineData("/papers/neimenggu-ribao/2024-02-30")]
    [InlineData("/papers/neimenggu-ribao/2024-6-3")]
    [InlineData("/papers/neimenggu-ribao/2024-06-04")]
    [InlineData("/papers/neimenggu-ribao/2024-06-03/99")]
    [InlineData("/papers/neimenggu-ribao/2024-06-03/0")]
    [InlineData("/papers/neimenggu-ribao/2024-06-03/abc")]
    [InlineData("/papers/neimenggu-ribao/2024-06-03/id-999999")]
    [InlineData("/papers/neimenggu-ribao/2024-02-30/1")]
    [InlineData("/papers/neimenggu-ribao/undated/id-999999")]
    [InlineData("/papers/neimenggu-ribao?month=2024-13")]
    [InlineData("/papers/no-such-paper")]
    [InlineData("/papers/no-such-paper/2024-06-03")]
    [InlineData("/issues/999999")]
    public async Task BadEditionAddress_IsTheChinese404Page(string address)
    {
        using var client = Reader();

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_ListsThePapersDaysAndPages()
    {
        var stored = await StoredPagesAsync();
        using var client = Reader();

        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var files = System.Xml.Linq.XDocument.Parse(sitemap).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();
        var addresses = new List<string>();
        foreach (var file in files.Where(f => f != "/sitemaps/news.xml"))
        {
            addresses.AddRange(System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri(file, UriKind.Relative)))
                .Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath));
        }

        Assert.Contains("/papers", addresses);
        Assert.All(stored, p =>
        {
            Assert.Contains(EditionAddresses.Paper(p.Slug), addresses);
            Assert.Contains(EditionAddresses.Day(p.Slug, p.Date), addresses);
            Assert.Contains(EditionAddresses.Page(p.Slug, p.Date, p.Number, p.Id), addresses);
        });
    }

    private static List<(string Href, string Text)> Links(IHtmlDocument document, string selector) =>
        [.. document.QuerySelectorAll<IHtmlAnchorElement>(selector).Select(a => (a.GetAttribute("href")!, a.TextContent.Trim()))];
}
