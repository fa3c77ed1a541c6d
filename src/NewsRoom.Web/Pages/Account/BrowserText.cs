namespace NewsRoom.Web.Pages.Account;

/// <summary>A browser's User-Agent as a person names it: "Chrome · Windows".</summary>
public static class BrowserText
{
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari, WeChat's browser says all of them.
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("MicroMessenger", "微信"),
        ("Edg", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS", "Firefox"),
        ("CriOS", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("Windows", "Windows"),
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "未知浏览器";
        }
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Marker, StringComparison.Ordinal)).Name ?? "其他浏览器";
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        return system is null ? browser : $"{browser} · {system}";
    }
}
