using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Reader;

/// <summary>What reader pages and feeds share: their cache tags and the site's public address.</summary>
public static class ReaderPages
{
    /// <summary>What a page says of itself to search engines and link previews when it has nothing more particular.</summary>
    public const string SiteDescription = "北疆新闻：内蒙古日报、北方新报、呼和浩特日报等内蒙古地方报纸的数字版，汇集十二个盟市及所辖旗县的新闻报道、图片新闻和报纸版面。";

    /// <summary>The site's name, as the masthead and the publisher in structured data give it.</summary>
    public const string SiteName = "北疆新闻";

    /// <summary>The publisher's logo (wwwroot/logo.png) and its size in pixels, as structured data states them.</summary>
    public const string LogoPath = "/logo.png";
    public const int LogoWidth = 600;
    public const int LogoHeight = 60;

    /// <summary>Articles per page of every reader list.</summary>
    public const int PageSize = 20;

    /// <summary>Adds tags to the cached response of this request, so evicting an article, region or issue evicts it.</summary>
    public static void TagCache(this HttpContext context, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }

    /// <summary>The site's public root without a trailing slash: the configured PublicBaseUrl, else the request's.</summary>
    public static string BaseUrl(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.RequestServices.GetRequiredService<IOptions<NewsRoomOptions>>().Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>The absolute address of a site path such as /articles/12.</summary>
    public static string AbsoluteUrl(this HttpContext context, string path) => context.BaseUrl() + path;

    // China keeps one offset all year, so no time-zone database is needed (nor present on every server).
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A UTC time as a reader in China dates it: 2025年6月2日.</summary>
    public static string ChinaDate(DateTime? utc) => utc is { } t ? (t + ChinaOffset).ToString("yyyy年M月d日") : string.Empty;

    /// <summary>A UTC time as ISO 8601 for feeds, JSON-LD and OpenGraph; "Z" rather than "+08:00" keeps it unescaped in HTML attributes.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ");

    /// <summary>Plain text of the start of a Markdown body, for descriptions and feed summaries.</summary>
    public static string Summary(string? markdown, int length = 120)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }
        // Non-empty lines joined by spaces, table rows left out, emphasis and heading marks dropped; the lines are
        // read only until the summary is full, since a body runs to thousands of characters and lists summarise many.
        var text = new StringBuilder(length + 1);
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            var line = markdown.AsSpan(range).Trim();
            if (line.IsEmpty || line[0] == '|')
            {
                continue;
            }
            // "## 标题" reads 标题, and a line of marks alone adds nothing, not even its space.
            line = line.Trim("*#").Trim();
            if (line.IsEmpty)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            foreach (var c in line)
            {
                if (c is not ('*' or '#'))
                {
                    text.Append(c);
                }
            }
            if (text.Length > length)
            {
                return string.Concat(text.ToString(0, length), "…");
            }
        }
        return text.ToString();
    }
}
