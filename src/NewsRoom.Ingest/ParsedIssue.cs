namespace NewsRoom.Ingest;

/// <summary>The parser's reading of one page dump: its articles and everything it could not place.</summary>
/// <param name="File">The dump's file name, as given to the parser.</param>
/// <param name="Paper">The paper's name (内蒙古日报, 呼和浩特日报 …) when it can be inferred, else null.</param>
/// <param name="HomeRegion">The league-level division that 我市, 首府 and 青城 refer to, for a city daily; else null.</param>
/// <param name="Date">The issue date its masthead prints, or else one inferred from a dateline and a year (with a warning); never the day of parsing.</param>
/// <param name="Articles">Articles, briefs and photo news in reading order.</param>
/// <param name="Furniture">Page furniture kept apart from the stories: hotlines, page banners, jump lines that belong to no story.</param>
/// <param name="Unplaced">Text the parser could not place in any article; never silently dropped.</param>
/// <param name="Warnings">What the parser was unsure of, in Chinese for the admin console, each starting with "第N行：".</param>
public sealed record ParsedIssue(
    string File,
    string? Paper,
    string? HomeRegion,
    DateOnly? Date,
    IReadOnlyList<ParsedArticle> Articles,
    IReadOnlyList<string> Furniture,
    IReadOnlyList<string> Unplaced,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The 版次 printed on the page (第3版, 第03版, A03), else null.</summary>
    public int? Page { get; init; }

    /// <summary>The 版名 printed with it (要闻, 地方, 文旅 …), else null.</summary>
    public string? PageName { get; init; }
}

/// <summary>What kind of item a page holds.</summary>
public enum ArticleKind
{
    /// <summary>A story with a headline.</summary>
    Article,
    /// <summary>A "●" brief: a short item, usually without its own headline.</summary>
    Brief,
    /// <summary>Stand-alone photo news: a title, a caption and a credit.</summary>
    Photo,
}

/// <summary>One item of a page.</summary>
/// <param name="Kind">Article, brief or photo news.</param>
/// <param name="Column">The column label the item runs under, as printed (特别关注, 【云观察】), or null.</param>
/// <param name="Kicker">The 引题 above the headline, or null.</param>
/// <param name="Headline">The 主题; null only for a brief or photo without one.</param>
/// <param name="Subheadline">The 副题 under the headline, or null.</param>
/// <param name="Bylines">Each person or organisation once, in printed order, with the role the paper printed.</param>
/// <param name="Dateline">本报包头6月2日电 and the like, or null.</param>
/// <param name="Body">Paragraphs in reading order; a table is one Markdown table paragraph.</param>
/// <param name="Photos">Captions that belong to this item.</param>
/// <param name="Regions">League-level divisions (official names) the item is about, primary first.</param>
/// <param name="Places">County-level divisions (official names) the item names.</param>
/// <param name="FirstLine">The 1-based line of the dump where the item starts, for warnings and stable ordering.</param>
public sealed record ParsedArticle(
    ArticleKind Kind,
    string? Column,
    string? Kicker,
    string? Headline,
    string? Subheadline,
    IReadOnlyList<ParsedByline> Bylines,
    ParsedDateline? Dateline,
    IReadOnlyList<string> Body,
    IReadOnlyList<ParsedPhoto> Photos,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Places,
    int FirstLine)
{
    /// <summary>
    /// The title, byline, dateline, credit and table lines as the page printed them, before they were split
    /// into fields: the page's own words are kept even where a field holds only part of a line.
    /// </summary>
    public IReadOnlyList<string> AsPrinted { get; init; } = [];

    /// <summary>The jump line that says where the story goes on (■下转第5版), or null.</summary>
    public string? Continuation { get; init; }

    /// <summary>Place labels printed with the title (九原区 in "九原区 获批…"): tags, not words of the headline.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A credited person or organisation.</summary>
/// <param name="Name">The name as printed, without spaces.</param>
/// <param name="Role">The role the paper printed.</param>
public sealed record ParsedByline(string Name, BylineRole Role);

/// <summary>A dateline such as 本报包头6月2日电.</summary>
/// <param name="Place">包头, or null for 本报讯.</param>
/// <param name="Date">6月2日 as printed, or null.</param>
/// <param name="Kind">讯 or 电.</param>
public sealed record ParsedDateline(string? Place, string? Date, string Kind);

/// <summary>A photo caption with its credits.</summary>
/// <param name="Title">The photo news title, or null.</param>
/// <param name="Caption">The caption text.</param>
/// <param name="Credits">Photographers, role 摄影.</param>
public sealed record ParsedPhoto(string? Title, string Caption, IReadOnlyList<ParsedByline> Credits);
