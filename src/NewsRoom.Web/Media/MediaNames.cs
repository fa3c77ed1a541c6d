using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace NewsRoom.Web.Media;

/// <summary>Names of media files: the hex SHA-256 of the bytes (renditions: its first 32 digits) and the format's extension.</summary>
public static partial class MediaNames
{
    /// <summary>The address readers fetch renditions under.</summary>
    public const string UrlPrefix = "/media/";

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Extension(string format) => format switch
    {
        ImageFormats.Jpeg => "jpg",
        ImageFormats.Png => "png",
        ImageFormats.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a stored image format."),
    };

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };

    public static string Original(string hash, string format) => $"{hash}.{Extension(format)}";

    public static string Rendition(ReadOnlySpan<byte> bytes, string format) => $"{Hash(bytes)[..32]}.{Extension(format)}";

    public static string Url(string renditionName) => UrlPrefix + renditionName;

    public static bool IsValid(string name) => ValidName().IsMatch(name);

    [GeneratedRegex("^[0-9a-f]{32}([0-9a-f]{32})?\\.(jpg|png|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}

/// <summary>The picture formats the desk accepts, by name as stored.</summary>
public static class ImageFormats
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Webp = "webp";
}
