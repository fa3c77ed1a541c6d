using System.ComponentModel.DataAnnotations;

namespace NewsRoom.Web.Reader;

/// <summary>Settings under "NewsRoom:Sitemap" in configuration.</summary>
public sealed class SitemapOptions
{
    public const string Section = "NewsRoom:Sitemap";

    /// <summary>Addresses per sitemap file: the sitemap protocol's limit of 50,000; smaller only to see the paging.</summary>
    [Range(1, 50_000)]
    public int AddressesPerFile { get; set; } = 50_000;
}
