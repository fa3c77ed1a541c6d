using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRoom.Ingest;

/// <summary>What the page says about its issue: the paper, its home city, the date.</summary>
internal sealed partial record IssueFacts(string? Paper, string? HomeRegion, DateOnly? Date)
{
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})年")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex MonthDay();

    /// <summary>
    /// The page's facts: what its masthead prints comes first; otherwise the paper is guessed from how the page
    /// speaks of its home, and the date from a dateline and a year, with a warning that says so.
    /// </summary>
    public static IssueFacts Infer(string text, List<Draft> items, Masthead masthead, Action<int, string> warn)
    {
        var home = FindHomeRegion(text) ?? HomeOfPaper(masthead.Paper);
        var date = masthead.Date;
        if (date is null && IssueDate(text, items) is { } inferred)
        {
            date = inferred.Date;
            warn(inferred.Line, $"版面未印日期，出版日期{inferred.Date:yyyy-MM-dd}由电头“{inferred.Printed}”和本版提到的年份{inferred.Date.Year}推断（电头次日）");
        }
        return new IssueFacts(masthead.Paper ?? GuessPaper(text, home, items), home, date);
    }

    // 通辽日报 is 通辽市's paper: a league's daily printed in the masthead names the page's home.
    private static string? HomeOfPaper(string? paper)
    {
        if (paper is null || !paper.EndsWith("日报", StringComparison.Ordinal) || paper.Length < 4)
        {
            return null;
        }
        var stem = paper[..^2];
        return Gazetteer.InnerMongolia.LeagueLevel.FirstOrDefault(r => r.Name.StartsWith(stem, StringComparison.Ordinal) && r.Name.Length <= stem.Length + 1)?.Name;
    }

    // A city daily says 我市 of its own city, and names that city more than any other; the regional paper says
    // 我区 of Inner Mongolia and quotes 我市 only from the people it interviews.
    private static string? FindHomeRegion(string text)
    {
        var ours = ArticleRegions.CountOccurrences(text, "我市");
        if (ours < 2 && (ours == 0 || text.Contains("我区", StringComparison.Ordinal)))
        {
            return null;
        }
        var finder = RegionFinder.InnerMongolia;
        return finder.Find(text)
            .GroupBy(m => finder.LeagueOf(m.Region))
            .OrderByDescending(x => x.Count())
            .Select(x => finder.Region(x.Key).Name)
            .FirstOrDefault();
    }

    private static string? GuessPaper(string text, string? home, List<Draft> items)
    {
        if (home is not null)
        {
            return home.TrimEnd('市', '盟') + "日报";
        }
        if (text.Contains("北方新报", StringComparison.Ordinal) || items.Exists(d => d.Bylines.Exists(b => b.Role == BylineRole.MediaReporter)))
        {
            return "北方新报";
        }
        return text.Contains("本报", StringComparison.Ordinal) && (text.Contains("我区", StringComparison.Ordinal) || text.Contains("自治区", StringComparison.Ordinal))
            ? "内蒙古日报"
            : null;
    }

    // A dateline gives the day the news was filed; the paper is out the next morning. The year is the
    // latest the page mentions.
    private static (DateOnly Date, int Line, string Printed)? IssueDate(string text, List<Draft> items)
    {
        var days = items.Where(d => d.Dateline?.Date is not null).Select(d => (Match: MonthDay().Match(d.Dateline!.Date!), d.FirstLine, Printed: d.Dateline!.Date!)).Where(x => x.Match.Success)
            .Select(x => (Month: int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), Day: int.Parse(x.Match.Groups[2].Value, CultureInfo.InvariantCulture), Line: x.FirstLine, x.Printed))
            .GroupBy(x => (x.Month, x.Day)).OrderByDescending(x => x.Count()).ThenByDescending(x => x.Key).Select(x => x.First()).ToList();
        if (days.Count == 0)
        {
            return null;
        }
        // Only a bound against nonsense years; the date itself never comes from the clock.
        var years = Year().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Where(y => y <= DateTime.UtcNow.Year + 1).ToList();
        if (years.Count == 0)
        {
            return null;
        }
        var (month, day, line, printed) = days[0];
        var year = years.Max();
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (new DateOnly(year, month, day).AddDays(1), line, printed)
            : null;
    }
}
