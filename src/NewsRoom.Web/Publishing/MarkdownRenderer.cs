using Markdig;

namespace NewsRoom.Web.Publishing;

/// <summary>The one Markdown pipeline of the site: the reader page and the editor's preview render alike.</summary>
public static class MarkdownRenderer
{
    // Raw HTML is disabled: article text is never trusted markup. Pipe tables carry the papers' tables.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    /// <summary>Renders an article body to HTML safe to embed in a page.</summary>
    public static string ToHtml(string? markdown) => Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
}
