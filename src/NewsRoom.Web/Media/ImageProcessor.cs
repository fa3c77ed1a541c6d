using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;

namespace NewsRoom.Web.Media;

/// <summary>A picture read and resized: its size as seen, the photo's date, and the renditions to store.</summary>
public sealed record ProcessedImage(string Format, int Width, int Height, DateTime? TakenAt, IReadOnlyList<RenditionFile> Renditions);

/// <summary>One rendition's bytes; re-encoded by Skia, so no EXIF (place, camera) survives in it.</summary>
public sealed record RenditionFile(string Format, int Width, int Height, byte[] Bytes)
{
    public string Name { get; } = MediaNames.Rendition(Bytes, Format);
}

/// <summary>Why an upload was refused, in words for the editor.</summary>
public sealed class ImageRefusedException(string message) : Exception(message);

/// <summary>
/// Checks an uploaded picture and makes its renditions with SkiaSharp. Every check that can be made from the bytes' start
/// or the header comes before any pixel is decoded: the format is sniffed (the extension must agree), SVG is refused
/// (it can carry script), and a picture declaring more than <see cref="MaxPixels"/> is refused unread.
/// </summary>
public static class ImageProcessor
{
    /// <summary>The largest upload accepted.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>40 megapixels: more, declared in a small file, is how a decompression bomb fills memory.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Rendition widths; a picture narrower than one also gets a rendition at its own width.</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 640, 1024, 1600];

    private const int JpegQuality = 82;
    private const int WebpQuality = 80;

    public static ProcessedImage Process(ReadOnlySpan<byte> bytes, string fileName)
    {
        var format = Sniff(bytes, fileName);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new ImageRefusedException("图片已损坏，无法读取。请重新导出后再上传。");
        var declared = codec.Info;
        if ((long)declared.Width * declared.Height > MaxPixels)
        {
            throw new ImageRefusedException($"图片像素过多（{declared.Width}×{declared.Height}，超过 4000 万像素），可能是“解压炸弹”，已拒绝。请缩小后再上传。");
        }
        var origin = codec.EncodedOrigin;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = turned ? (declared.Height, declared.Width) : (declared.Width, declared.Height);

        using var decoded = Decode(codec, Math.Min(1, Widths[^1] / (double)width));
        using var oriented = Orient(decoded, origin);
        return new ProcessedImage(format, width, height, TakenAt(bytes), Renditions(oriented, width, height));
    }

    /// <summary>The rendition height for a width, the same rounding everywhere the site states it.</summary>
    public static int HeightAt(int renditionWidth, int width, int height) => Math.Max(1, (int)Math.Round(height * (double)renditionWidth / width));

    private static string Sniff(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.IsEmpty)
        {
            throw new ImageRefusedException("文件是空的，请重新选择图片。");
        }
        string? format = bytes switch
        {
            [0xFF, 0xD8, 0xFF, ..] => ImageFormats.Jpeg,
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ImageFormats.Png,
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ImageFormats.Webp,
            _ => null,
        };
        if (format is null)
        {
            var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            throw new ImageRefusedException(start.Contains("<svg", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(fileName).Equals(".svg", StringComparison.OrdinalIgnoreCase)
                ? "不接受 SVG 图片：SVG 可以携带脚本。请上传 JPEG、PNG 或 WebP 照片。"
                : "这不是图片文件。请上传 JPEG、PNG 或 WebP 照片。");
        }
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var fits = format switch
        {
            ImageFormats.Jpeg => extension is "jpg" or "jpeg",
            _ => extension == format,
        };
        if (!fits)
        {
            throw new ImageRefusedException($"文件扩展名“.{extension}”与内容不符：这是 {format.ToUpperInvariant()} 图片。请改正扩展名后再上传。");
        }
        return format;
    }

    // Decoded at the smallest size the codec offers that still covers the widest rendition: a JPEG's decoder scales by
    // 1/2, 1/4 or 1/8 as it decodes, far cheaper than decoding 12 megapixels and resizing them.
    private static SKBitmap Decode(SKCodec codec, double scale)
    {
        var declared = codec.Info;
        var size = codec.GetScaledDimensions((float)scale);
        if (size.Width < declared.Width * scale - 1)
        {
            size = declared.Size;
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, declared.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ImageRefusedException(result == SKCodecResult.IncompleteInput
                ? "图片文件不完整（可能上传中断或文件已截断），请重新上传。"
                : "图片已损坏，无法读取。请重新导出后再上传。");
        }
        if (info.AlphaType == SKAlphaType.Opaque)
        {
            return bitmap;
        }
        // JPEG has no transparency: a transparent PNG is laid on white once, so every rendition looks the same.
        var flat = new SKBitmap(info.WithAlphaType(SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(flat))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(bitmap, 0, 0);
        }
        bitmap.Dispose();
        return flat;
    }

    // The camera's orientation is applied to the pixels: the renditions carry no EXIF to say it.
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = turned ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(source.Info.WithSize(w, h));
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1), // LeftBottom
        });
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }

    // Largest first, each made from the one before: every step at most halves, so a cubic filter needs no mipmaps.
    private static List<RenditionFile> Renditions(SKBitmap oriented, int width, int height)
    {
        var widths = Widths.Where(w => w < width).Append(Math.Min(width, Widths[^1])).Distinct().OrderDescending().ToList();
        var files = new List<RenditionFile>();
        var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);
        SKBitmap current = oriented;
        foreach (var w in widths)
        {
            var h = HeightAt(w, width, height);
            var next = current.Width == w && current.Height == h ? current.Copy() : current.Resize(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque), sampling);
            if (!ReferenceEquals(current, oriented))
            {
                current.Dispose();
            }
            current = next;
            files.Add(new RenditionFile(ImageFormats.Webp, w, h, Encode(current, SKEncodedImageFormat.Webp, WebpQuality)));
            files.Add(new RenditionFile(ImageFormats.Jpeg, w, h, Encode(current, SKEncodedImageFormat.Jpeg, JpegQuality)));
        }
        if (!ReferenceEquals(current, oriented))
        {
            current.Dispose();
        }
        return files;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    // The photo's own date (DateTimeOriginal), read from its EXIF before re-encoding drops it; none when absent or unreadable.
    private static DateTime? TakenAt(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            var exif = ImageMetadataReader.ReadMetadata(stream).OfType<ExifSubIfdDirectory>().FirstOrDefault();
            return exif is not null && exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var taken) ? DateTime.SpecifyKind(taken, DateTimeKind.Unspecified) : null;
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or MetadataException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
