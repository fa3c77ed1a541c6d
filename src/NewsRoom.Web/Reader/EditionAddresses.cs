using System.Globalization;

namespace NewsRoom.Web.Reader;

/// <summary>
/// The digital edition's addresses and names, one place for pages, links, the sitemap and the redirects:
/// /papers/{paper}, /papers/{paper}/{yyyy-MM-dd}, /papers/{paper}/{yyyy-MM-dd}/{版次}. A page whose 版次 is unknown is
/// addressed by its id (/papers/{paper}/{yyyy-MM-dd}/id-{id}); the pages of a paper whose day is unknown are under
/// /papers/{paper}/undated, each at /papers/{paper}/undated/id-{id}.
/// </summary>
public static class EditionAddresses
{
    /// <summary>The day segment of a paper's pages without a known day.</summary>
    public const string Undated = "undated";

    private const string IdPrefix = "id-";

    public static string Paper(string slug) => $"/papers/{slug}";

    public static string Day(string slug, DateOnly? date) => $"/papers/{slug}/{DaySegment(date)}";

    public static string Page(string slug, DateOnly? date, int? pageNumber, int pageId) =>
        $"{Day(slug, date)}/{PageSegment(date, pageNumber, pageId)}";

    public static string Month(string slug, DateOnly month) => $"/papers/{slug}?month={month:yyyy-MM}";

    public static string DaySegment(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Undated;

    // Within a day the 版次 names a page; without a day, or without a 版次, only its id does.
    private static string PageSegment(DateOnly? date, int? pageNumber, int pageId) =>
        date is not null && pageNumber is { } number ? number.ToString(CultureInfo.InvariantCulture) : IdPrefix + pageId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a day segment: a real date, or <see cref="Undated"/> (null date). False for anything else (2024-02-30).</summary>
    public static bool TryDay(string? segment, out DateOnly? date)
    {
        date = null;
        if (segment == Undated)
        {
            return true;
        }
        if (segment is { Length: 10 } && DateOnly.TryParseExact(segment, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
            return true;
        }
        return false;
    }

    /// <summary>Reads a page segment: a 版次 (3) or a page id (id-17). False for anything else.</summary>
    public static bool TryPage(string? segment, out int? pageNumber, out int? pageId)
    {
        pageNumber = pageId = null;
        if (segment is null)
        {
            return false;
        }
        var byId = segment.StartsWith(IdPrefix, StringComparison.Ordinal);
        var digits = byId ? segment[IdPrefix.Length..] : segment;
        if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        if (byId)
        {
            pageId = value;
        }
        else
        {
            pageNumber = value;
        }
        return true;
    }

    /// <summary>2024年6月3日, or 日期不详.</summary>
    public static string DayName(DateOnly? date) => date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "日期不详";

    /// <summary>第3版 要闻, 第3版, or 版次不详.</summary>
    public static string PageName(int? pageNumber, string? pageName) =>
        (pageNumber, pageName) switch
        {
            ({ } n, { } name) => $"第{n}版 {name}",
            ({ } n, null) => $"第{n}版",
            (null, { } name) => $"{name}（版次不详）",
            _ => "版次不详",
        };

    /// <summary>内蒙古日报 2024年6月3日 第3版: how an article names the page it was printed on.</summary>
    public static string PrintedOn(string paper, DateOnly? date, int? pageNumber) =>
        pageNumber is { } n ? $"{paper} {DayName(date)} 第{n}版" : $"{paper} {DayName(date)}";
}
