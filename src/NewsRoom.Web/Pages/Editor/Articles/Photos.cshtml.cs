using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor.Articles;

// Requests up to 64 MB reach the handler, so an image over the 20 MB limit gets this page's own message; beyond that the
// server refuses with 413, which the status page explains. The form's files are buffered to disk, not memory, and only an
// image within the limit is read into memory.
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class PhotosModel(NewsRoomDb db, MediaLibrary library, IAuthorizationService authorization) : PageModel
{
    /// <summary>The recent library images offered for reuse.</summary>
    private const int LibraryChoices = 24;

    public string Title { get; private set; } = string.Empty;
    public ArticleStatus Status { get; private set; }
    public IReadOnlyList<PhotoRow> Photos { get; private set; } = [];
    public IReadOnlyList<LibraryImage> Library { get; private set; } = [];

    [BindProperty]
    public PhotoUploadInput Input { get; set; } = new();

    /// <summary>The picture chosen in the upload form.</summary>
    [BindProperty]
    [Display(Name = "图片文件")]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public sealed record PhotoRow(int Id, string Caption, string? Credits, bool IsLead, int? MediaImageId, string? Thumbnail, string? Alt);

    public sealed record LibraryImage(int Id, string Alt, string Caption, string Thumbnail);

    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // A caption parsed from the page that has no picture yet is the one the upload most likely belongs to.
        if (Photos.FirstOrDefault(p => p.MediaImageId is null) is { } waiting)
        {
            Input = new PhotoUploadInput { PhotoId = waiting.Id, Caption = waiting.Caption, Credit = waiting.Credits };
        }
        return Page();
    }

    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(article))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要上传的图片（JPEG、PNG 或 WebP）。");
        }
        else if (Upload.Length > ImageProcessor.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"图片太大（{Upload.Length / 1024 / 1024} MB）：每张不超过 {ImageProcessor.MaxBytes / 1024 / 1024} MB。");
        }
        if (ModelState.IsValid)
        {
            var bytes = new byte[Upload!.Length];
            await using (var stream = Upload.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }
            var details = new MediaDetails(Input.Alt!, Input.Caption, Input.Credit);
            try
            {
                var image = await library.AddAsync(bytes, Path.GetFileName(Upload.FileName), details, cancellationToken);
                await library.AttachAsync(article, image, Input.PhotoId, Input.Lead, details, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return RedirectToPage(new { id, done = "uploaded" });
            }
            catch (ImageRefusedException refused)
            {
                ModelState.AddModelError(nameof(Upload), refused.Message);
            }
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>Puts a picture already in the library on this story.</summary>
    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnPostReuseAsync(int id, int mediaImageId, int? photoId, bool lead, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var image = await db.MediaImages.FirstOrDefaultAsync(m => m.Id == mediaImageId, cancellationToken);
        if (article is null || image is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(article))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await library.AttachAsync(article, image, photoId, lead, new MediaDetails(image.Alt, image.Caption, image.CreditName), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id, done = "reused" });
    }

    /// <summary>Takes a picture off the story; its caption stays, and the picture stays in the library.</summary>
    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnPostDetachAsync(int id, int photoId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(article))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await library.DetachAsync(article, photoId, cancellationToken) is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id, done = "detached" });
    }

    /// <summary>
    /// A picture put on a story readers see (or are about to) changes what they see at once, without review, so on a
    /// published or scheduled story only 总编辑 and 管理员 may do it, as only they may publish.
    /// </summary>
    private async Task<bool> MayChangeAsync(Article article) =>
        article.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.Retracted)
        || (await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Headline, a.DisplayTitle, a.Status }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return false;
        }
        (Title, Status) = (article.Headline ?? article.DisplayTitle ?? "（无标题）", article.Status);
        Photos = await db.Photos.AsNoTracking().Where(p => p.ArticleId == id).OrderBy(p => p.Order)
            .Select(p => new PhotoRow(p.Id, p.Caption, p.Credits, p.IsLead, p.MediaImageId,
                p.MediaImage!.Renditions.Where(r => r.Format == ImageFormats.Jpeg).OrderBy(r => r.Width).Select(r => r.Name).FirstOrDefault(),
                p.MediaImage.Alt))
            .ToListAsync(cancellationToken);
        Library = await db.MediaImages.AsNoTracking().OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(LibraryChoices)
            .Select(m => new LibraryImage(m.Id, m.Alt, m.Caption,
                m.Renditions.Where(r => r.Format == ImageFormats.Jpeg).OrderBy(r => r.Width).Select(r => r.Name).First()))
            .ToListAsync(cancellationToken);
        return true;
    }
}

/// <summary>What the editor says about an uploaded picture.</summary>
public sealed class PhotoUploadInput
{
    [Display(Name = "替代文字")]
    [Required(ErrorMessage = "请填写替代文字：用一句话说明图片内容，供看不到图片的读者（读屏软件）使用。")]
    [StringLength(500)]
    public string? Alt { get; set; }

    // Required as on the article form: a photo without a caption is dropped when the story is saved there.
    [Display(Name = "图片说明")]
    [Required(ErrorMessage = "请填写图片说明。")]
    [StringLength(2000)]
    public string? Caption { get; set; }

    [Display(Name = "摄影")]
    [StringLength(100)]
    public string? Credit { get; set; }

    /// <summary>The story's captioned photo the picture belongs to; null adds a new photo.</summary>
    public int? PhotoId { get; set; }

    [Display(Name = "设为头图")]
    public bool Lead { get; set; }
}
