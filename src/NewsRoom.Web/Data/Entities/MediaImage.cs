namespace NewsRoom.Web.Data.Entities;

/// <summary>
/// A picture uploaded at the desk: its original kept in the media store, its renditions made once at upload, and the words
/// the library finds it by. Articles use it through <see cref="Photo.MediaImage"/>.
/// </summary>
public class MediaImage
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, hex: the original's name in the media store; the same file uploaded twice is one image.</summary>
    public required string OriginalHash { get; set; }

    /// <summary>jpeg, png or webp, as sniffed from the bytes.</summary>
    public required string OriginalFormat { get; set; }

    public long OriginalBytes { get; set; }

    /// <summary>Width and height as seen, the camera's orientation applied.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>When the photo was taken, from its EXIF, as the camera wrote it (no zone).</summary>
    public DateTime? TakenAt { get; set; }

    /// <summary>What the picture shows, for readers who cannot see it; required.</summary>
    public required string Alt { get; set; }

    public string Caption { get; set; } = string.Empty;

    /// <summary>The photographer as credited (摄影), linked to their page when known.</summary>
    public string? CreditName { get; set; }

    public int? CreditPersonId { get; set; }
    public Person? CreditPerson { get; set; }

    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }

    public List<MediaRendition> Renditions { get; set; } = [];
    public List<Photo> Uses { get; set; } = [];
}

/// <summary>One resized copy of a <see cref="MediaImage"/>, stored and served under the hash of its own bytes.</summary>
public class MediaRendition
{
    public int Id { get; set; }
    public int MediaImageId { get; set; }
    public MediaImage MediaImage { get; set; } = null!;

    /// <summary>jpeg or webp.</summary>
    public required string Format { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>The file name in the store and the address under /media/: hash of the bytes plus extension.</summary>
    public required string Name { get; set; }

    public long Bytes { get; set; }
}
