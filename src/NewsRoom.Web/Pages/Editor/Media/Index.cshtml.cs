using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor.Media;

/// <summary>The media library: every uploaded picture, found by caption, credit or alt text and by date, with its uses.</summary>
public class IndexModel(NewsRoomDb db, MediaLibrary library) : PageModel
{
    /// <summary>The newest matches shown; a narrower search finds older ones.</summary>
    public const int Shown = 100;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>First and last day (Beijing time) the photo was taken, or uploaded when its date is unknown.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unused { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Deleted { get; set; }

    public IReadOnlyList<ImageRow> Images { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>Set when a delete was refused: the published stories that show the image.</summary>
    public RefusedDelete? Refused { get; private set; }

    public sealed record ImageRow(int Id, string Alt, string Caption, string? CreditName, int? CreditPersonId, int Width, int Height,
        DateTime? TakenAt, DateTime UploadedAt, string Thumbnail, IReadOnlyList<MediaUse> Uses);

    public sealed record RefusedDelete(int ImageId, string Alt, IReadOnlyList<MediaUse> Stories);

    [HandlerPolicy(Policies.Desk)]
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    // Deleting from the library is an editor's call: a reporter's picture may be on someone else's story.
    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostDeleteAsync(int imageId, CancellationToken cancellationToken)
    {
        var outcome = await library.DeleteAsync(imageId, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }
        if (outcome.Deleted)
        {
            return RedirectToPage(new { deleted = true });
        }
        var alt = await db.MediaImages.Where(m => m.Id == imageId).Select(m => m.Alt).FirstAsync(cancellationToken);
        Refused = new RefusedDelete(imageId, alt, outcome.ShownIn);
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var images = db.MediaImages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            images = images.Where(m => m.Caption.Contains(q) || m.Alt.Contains(q) || (m.CreditName != null && m.CreditName.Contains(q)));
        }
        // Days are Beijing days; the stored times are UTC (upload) or the camera's own clock (taken).
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            images = images.Where(m => m.TakenAt != null ? m.TakenAt >= start : m.UploadedAt >= start.AddHours(-8));
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            images = images.Where(m => m.TakenAt != null ? m.TakenAt < end : m.UploadedAt < end.AddHours(-8));
        }
        if (Unused)
        {
            images = images.Where(m => !m.Uses.Any());
        }
        Total = await images.CountAsync(cancellationToken);
        var rows = await images.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(Shown)
            .Select(m => new
            {
                m.Id, m.Alt, m.Caption, m.CreditName, m.CreditPersonId, m.Width, m.Height, m.TakenAt, m.UploadedAt,
                Thumbnail = m.Renditions.Where(r => r.Format == ImageFormats.Jpeg).OrderBy(r => r.Width).Select(r => r.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var uses = (await db.Photos.AsNoTracking().Where(p => p.MediaImageId != null && ids.Contains(p.MediaImageId.Value))
                .Select(p => new { ImageId = p.MediaImageId!.Value, Use = new MediaUse(p.ArticleId, p.Article.Headline ?? p.Article.DisplayTitle ?? p.Caption, p.Article.Status) })
                .ToListAsync(cancellationToken))
            .ToLookup(u => u.ImageId, u => u.Use);
        Images = [.. rows.Select(r => new ImageRow(r.Id, r.Alt, r.Caption, r.CreditName, r.CreditPersonId, r.Width, r.Height, r.TakenAt, r.UploadedAt,
            r.Thumbnail, [.. uses[r.Id]]))];
    }
}
