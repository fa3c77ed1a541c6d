using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRoom.Ingest;

/// <summary>
/// What the page prints about itself in its masthead and running furniture: "北方新报 2025年2月26日 星期三",
/// "2024年10月10日 第03版:文旅", "内蒙古日报 … 第3版 要闻". The page's own words beat anything inferred from its stories.
/// </summary>
internal sealed partial record Masthead(string? Paper, DateOnly? Date, int? Page, string? PageName)
{
    public static readonly Masthead None = new(null, null, null, null);

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex PrintedDate();

    // 第3版, 第03版, A03 版 and the section name printed after it.
    [GeneratedRegex(@"(?:第\s*0*(?<n>[1-9]\d?)\s*版|(?<![A-Za-z0-9])[A-H]0?(?<n>[1-9]\d?)(?:\s*版)?(?![0-9]))(?:\s*[:：·•]?\s*(?<name>\p{IsCJKUnifiedIdeographs}{2,8}))?")]
    private static partial Regex PrintedPage();

    [GeneratedRegex(@"(?<![本我])(?<paper>\p{IsCJKUnifiedIdeographs}{2,6}?(?:日报|新报|晚报|时报))")]
    private static partial Regex PaperName();

    private static readonly string[] NotSectionNames = ["责任", "编辑", "星期", "版式", "热线"];

    /// <summary>Reads the page's furniture lines, in page order; the first line that says a thing wins.</summary>
    public static Masthead Read(IEnumerable<string> furniture)
    {
        string? paper = null;
        DateOnly? date = null;
        int? page = null;
        string? pageName = null;
        foreach (var line in furniture)
        {
            if (line.Contains("热线", StringComparison.Ordinal) || line.Contains("电话", StringComparison.Ordinal))
            {
                continue;
            }
            if (date is null && PrintedDate().Match(line) is { Success: true } d)
            {
                date = ToDate(d);
            }
            if (page is null && PrintedPage().Match(line) is { Success: true } p
                && int.TryParse(p.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                page = n;
                var name = p.Groups["name"];
                if (name.Success && !Array.Exists(NotSectionNames, w => name.Value.StartsWith(w, StringComparison.Ordinal)))
                {
                    pageName = name.Value;
                }
            }
            if (paper is null && (PrintedDate().IsMatch(line) || PrintedPage().IsMatch(line) || line.Length <= 8) && PaperName().Match(line) is { Success: true } m)
            {
                paper = m.Groups["paper"].Value;
            }
        }
        return new Masthead(paper, date, page, pageName);
    }

    private static DateOnly? ToDate(Match m)
    {
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
