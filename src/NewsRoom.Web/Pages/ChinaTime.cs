using System.Globalization;

namespace NewsRoom.Web.Pages;

/// <summary>
/// Every time a person reads or types on the site is Beijing time. Times are stored in UTC; China keeps one
/// offset all year, so no time-zone database is needed (nor present on every server).
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>How a page labels a time that could be taken for the server's or the reader's own.</summary>
    public const string Label = "北京时间";

    /// <summary>A UTC time in Beijing time: 2025-06-02 14:30.</summary>
    public static string ToChinaTime(this DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset).ToString(format, CultureInfo.InvariantCulture);

    private const string Weekdays = "日一二三四五六";

    /// <summary>A UTC time as a paper's masthead dates it in Beijing time: 2025年6月2日 星期一.</summary>
    public static string MastheadDate(DateTime utc)
    {
        var china = DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset;
        return string.Create(CultureInfo.InvariantCulture, $"{china:yyyy年M月d日} 星期{Weekdays[(int)china.DayOfWeek]}");
    }
}
