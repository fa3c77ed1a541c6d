using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Media;

/// <summary>What the desk says about a picture: alt text (required), caption and the photographer's name.</summary>
public sealed record MediaDetails(string Alt, string? Caption, string? CreditName);

/// <summary>A story that uses a picture.</summary>
public sealed record MediaUse(int ArticleId, string Title, ArticleStatus Status);

/// <summary>
/// The desk's pictures: stored at upload with their renditions, attached to stories, deleted only while no published
/// story shows them. Shared by the article's photo page and the media library.
/// </summary>
public sealed class MediaLibrary(NewsRoomDb db, IMediaStore store, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Statuses in which a story's pictures are, or are about to be, in front of readers.</summary>
    private static readonly ArticleStatus[] Shown = [ArticleStatus.Published, ArticleStatus.Scheduled];

    /// <summary>
    /// Checks and processes the upload, stores its original and renditions and adds the image (saved with the caller's
    /// next save). Throws <see cref="ImageRefusedException"/>, having stored nothing, when the bytes are refused. The
    /// same bytes uploaded again are the image already stored.
    /// </summary>
    public async Task<MediaImage> AddAsync(byte[] bytes, string fileName, MediaDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(details);
        // Decoding and encoding take most of a second for a 12-megapixel photo: a pool thread does it, not the request's.
        var processed = await Task.Run(() => ImageProcessor.Process(bytes, fileName), cancellationToken);
        var hash = MediaNames.Hash(bytes);
        if (await db.MediaImages.FirstOrDefaultAsync(m => m.OriginalHash == hash, cancellationToken) is { } existing)
        {
            return existing;
        }
        foreach (var rendition in processed.Renditions)
        {
            await store.SaveAsync(MediaFileKind.Rendition, rendition.Name, rendition.Bytes, cancellationToken);
        }
        await store.SaveAsync(MediaFileKind.Original, MediaNames.Original(hash, processed.Format), bytes, cancellationToken);
        var credit = Clean(details.CreditName);
        var image = new MediaImage
        {
            OriginalHash = hash,
            OriginalFormat = processed.Format,
            OriginalBytes = bytes.Length,
            Width = processed.Width,
            Height = processed.Height,
            TakenAt = processed.TakenAt,
            Alt = details.Alt.Trim(),
            Caption = Clean(details.Caption) ?? string.Empty,
            CreditName = credit,
            CreditPerson = credit is null ? null : (await db.FindOrAddPeopleAsync([credit], cancellationToken))[credit],
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            Renditions = [.. processed.Renditions.Select(r => new MediaRendition { Format = r.Format, Width = r.Width, Height = r.Height, Name = r.Name, Bytes = r.Bytes.Length })],
        };
        image.UploadedBy = audit.Add(AuditActions.MediaUploaded, target: fileName, summary: $"{processed.Width}×{processed.Height} {image.Alt}").Actor;
        db.MediaImages.Add(image);
        return image;
    }

    /// <summary>
    /// Puts the image on the story: on one of its captioned photos (an imported caption that had no picture yet), or as a
    /// new photo after the others. As the lead image it replaces the story's previous lead. Saved with the caller's next save.
    /// </summary>
    public async Task<Photo> AttachAsync(Article article, MediaImage image, int? photoId, bool lead, MediaDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(details);
        var photos = await db.Photos.Where(p => p.ArticleId == article.Id).ToListAsync(cancellationToken);
        var photo = photoId is null ? null : photos.FirstOrDefault(p => p.Id == photoId);
        if (photo is null)
        {
            photo = new Photo
            {
                ArticleId = article.Id,
                Caption = Clean(details.Caption) ?? image.Caption,
                Credits = Clean(details.CreditName) ?? image.CreditName,
                Order = photos.Count == 0 ? 0 : photos.Max(p => p.Order) + 1,
            };
            db.Photos.Add(photo);
        }
        else
        {
            // The form showed the parsed caption and credit for the editor to correct: what they sent is the caption now.
            photo.Caption = Clean(details.Caption) ?? photo.Caption;
            photo.Credits = Clean(details.CreditName) ?? photo.Credits;
        }
        photo.MediaImageId = image.Id;
        photo.MediaImage = image;
        if (lead)
        {
            foreach (var other in photos.Where(p => p.IsLead))
            {
                other.IsLead = false;
            }
        }
        photo.IsLead = lead || photo.IsLead;
        audit.Add(AuditActions.MediaAttached, target: image.Alt, summary: lead ? "头图" : null, articleId: article.Id);
        return photo;
    }

    /// <summary>
    /// Takes the picture off one of the story's photos. The caption stays, as the paper printed it, and the picture stays
    /// in the library for other stories; null when the story has no such photo with a picture.
    /// </summary>
    public async Task<Photo?> DetachAsync(Article article, int photoId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var photo = await db.Photos.Include(p => p.MediaImage)
            .SingleOrDefaultAsync(p => p.Id == photoId && p.ArticleId == article.Id && p.MediaImageId != null, cancellationToken);
        if (photo is null)
        {
            return null;
        }
        audit.Add(AuditActions.MediaDetached, target: photo.MediaImage!.Alt, summary: photo.IsLead ? "头图" : null, articleId: article.Id);
        photo.MediaImageId = null;
        photo.MediaImage = null;
        photo.IsLead = false;
        return photo;
    }

    /// <summary>The stories that use the image, newest first.</summary>
    public Task<List<MediaUse>> UsesAsync(int imageId, CancellationToken cancellationToken) =>
        db.Photos.Where(p => p.MediaImageId == imageId).OrderByDescending(p => p.ArticleId)
            .Select(p => new MediaUse(p.ArticleId, p.Article.Headline ?? p.Article.DisplayTitle ?? p.Caption, p.Article.Status))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Deletes the image, its files and its place on unpublished stories (their captions stay); refused, with the
    /// stories, while a published or scheduled story shows it. Null when there is no such image.
    /// </summary>
    public async Task<DeleteOutcome?> DeleteAsync(int imageId, CancellationToken cancellationToken)
    {
        var image = await db.MediaImages.Include(m => m.Renditions).FirstOrDefaultAsync(m => m.Id == imageId, cancellationToken);
        if (image is null)
        {
            return null;
        }
        var shownIn = (await UsesAsync(imageId, cancellationToken)).Where(u => Shown.Contains(u.Status)).ToList();
        if (shownIn.Count > 0)
        {
            return new DeleteOutcome(false, shownIn);
        }
        foreach (var photo in await db.Photos.Where(p => p.MediaImageId == imageId).ToListAsync(cancellationToken))
        {
            photo.MediaImageId = null;
            photo.IsLead = false;
        }
        db.MediaImages.Remove(image);
        audit.Add(AuditActions.MediaDeleted, target: image.Alt, summary: image.OriginalHash);
        await db.SaveChangesAsync(cancellationToken);
        // After the rows are gone: a reader who still has the page sees a missing picture, never a row pointing nowhere.
        foreach (var rendition in image.Renditions)
        {
            await store.DeleteAsync(MediaFileKind.Rendition, rendition.Name, cancellationToken);
        }
        await store.DeleteAsync(MediaFileKind.Original, MediaNames.Original(image.OriginalHash, image.OriginalFormat), cancellationToken);
        return new DeleteOutcome(true, []);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Whether a delete went ahead, and if not, the published stories that stopped it.</summary>
public sealed record DeleteOutcome(bool Deleted, IReadOnlyList<MediaUse> ShownIn);
