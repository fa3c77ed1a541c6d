using System.Globalization;

namespace NewsRoom.Web.Reader;

/// <summary>A picture as a reader page shows it: size as seen, alt text, and its renditions narrowest first.</summary>
public sealed record PictureView(int Width, int Height, string Alt, IReadOnlyList<RenditionLink> Jpeg, IReadOnlyList<RenditionLink> Webp, int? CreditPersonId = null)
{
    /// <summary>The width a picture in the article column takes: the column is at most 46rem (about 736 px) wide.</summary>
    public const string ArticleSizes = "(max-width: 46rem) 100vw, 46rem";

    /// <summary>A gallery thumbnail's width on the page.</summary>
    public const string ThumbnailSizes = "320px";

    /// <summary>The fallback src: the JPEG closest to 1024 px wide, as browsers without srcset see it.</summary>
    public RenditionLink Default => Jpeg.LastOrDefault(r => r.Width <= 1024) ?? Jpeg[0];

    /// <summary>The largest JPEG: what link previews (og:image) and search engines (JSON-LD) are given.</summary>
    public RenditionLink Largest => Jpeg[^1];

    public RenditionLink Smallest => Jpeg[0];

    public int HeightAt(RenditionLink rendition) => ImageProcessor.HeightAt(rendition.Width, Width, Height);

    public static string SrcSet(IEnumerable<RenditionLink> renditions) =>
        string.Join(", ", renditions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Url} {r.Width}w")));

    /// <summary>Reads the statement's "name:width,name:width" list.</summary>
    public static IReadOnlyList<RenditionLink> ParseRenditions(string? list) => list is null ? [] :
    [
        .. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(item =>
        {
            var colon = item.LastIndexOf(':');
            return new RenditionLink(MediaNames.Url(item[..colon]), int.Parse(item.AsSpan(colon + 1), CultureInfo.InvariantCulture));
        }),
    ];
}

/// <summary>One rendition's address and width.</summary>
public sealed record RenditionLink(string Url, int Width);

/// <summary>Photo credits as printed beside a caption.</summary>
public static class PhotoCredits
{
    /// <summary>
    /// The credit to print after the caption, or null when there is none or the caption already names every credited
    /// photographer: the page dumps often end a caption with its own credit line (■本报记者 王中宙 摄), and printing the
    /// parsed credit again doubled it.
    /// </summary>
    public static string? Separate(string caption, string? credits)
    {
        ArgumentNullException.ThrowIfNull(caption);
        if (string.IsNullOrWhiteSpace(credits))
        {
            return null;
        }
        var names = credits.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.All(name => caption.Contains(name, StringComparison.Ordinal)) ? null : credits;
    }
}
