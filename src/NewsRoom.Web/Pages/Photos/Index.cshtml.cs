using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Photos;

[OutputCache(PolicyName = ReaderCache.AllTag)]
public class IndexModel(NewsRoomDb db) : PageModel
{
    public IReadOnlyList<PhotoCard> Photos { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    // "page" is also Razor Pages' own route value, so the page number is read from the query string by name.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var photos = db.Photos.Where(p => db.PublishedArticles.Any(a => a.Id == p.ArticleId));
        var total = await photos.CountAsync(cancellationToken);
        if (!Pager.IsValid(pageNumber, total, ReaderPages.PageSize))
        {
            return NotFound();
        }
        Photos = await photos.OrderByDescending(p => p.Article.PublishedAt).ThenByDescending(p => p.ArticleId).ThenBy(p => p.Order)
            .Select(p => new PhotoCard(p.ArticleId, p.Article.Headline, p.Title, p.Caption, p.Credits, p.Article.PublishedAt,
                p.MediaImageId == null ? null : new Thumbnail(p.MediaImage!.Width, p.MediaImage.Height, p.MediaImage.Alt,
                    p.MediaImage.Renditions.Where(r => r.Format == ImageFormats.Jpeg).OrderBy(r => r.Width).Select(r => r.Name).First(),
                    p.MediaImage.Renditions.Where(r => r.Format == ImageFormats.Webp).OrderBy(r => r.Width).Select(r => r.Name).First(),
                    p.MediaImage.Renditions.Min(r => r.Width))))
            .Skip((pageNumber - 1) * ReaderPages.PageSize).Take(ReaderPages.PageSize)
            .ToListAsync(cancellationToken);
        Pager = Pager.For(pageNumber, total, ReaderPages.PageSize, "/photos");
        return Page();
    }

    public sealed record PhotoCard(int ArticleId, string? Headline, string? Title, string Caption, string? Credits, DateTime? PublishedAt, Thumbnail? Thumbnail)
    {
        /// <summary>The credit after the caption, unless the caption already ends with it.</summary>
        public string? SeparateCredits => PhotoCredits.Separate(Caption, Credits);
    }

    /// <summary>The smallest rendition of a photo's picture, in both formats.</summary>
    public sealed record Thumbnail(int Width, int Height, string Alt, string Jpeg, string Webp, int RenditionWidth)
    {
        public PictureView Picture => new(Width, Height, Alt,
            [new RenditionLink(MediaNames.Url(Jpeg), RenditionWidth)], [new RenditionLink(MediaNames.Url(Webp), RenditionWidth)]);
    }
}
