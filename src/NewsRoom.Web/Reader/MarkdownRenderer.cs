using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsRoom.Web.Reader;

/// <summary>The one Markdown pipeline of the site: the reader page and the editor's preview render alike.</summary>
public static class MarkdownRenderer
{
    // Raw HTML is disabled: article text is never trusted markup. Pipe tables carry the papers' tables.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:"];

    /// <summary>Renders an article body to HTML safe to embed in a page.</summary>
    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        // Links need a [ (links, images, references) or a < (autolinks). Most articles have neither, and the walks
        // below make an iterator for every container of inlines they pass.
        if (markdown is null || markdown.AsSpan().IndexOfAny('[', '<') < 0)
        {
            return document.ToHtml(Pipeline);
        }
        // Markdig writes link and image targets as given, so [x](javascript:…) would become a live script link.
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>Relative addresses and http, https and mailto only; anything else with a scheme is refused.</summary>
    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so compare without them.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }
        return SafeSchemes.Any(s => compact.StartsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
