using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>Pictures made in the test: a camera-like JPEG with EXIF (date, GPS, orientation) written by hand, and bad files.</summary>
internal static class TestImages
{
    /// <summary>A JPEG of <paramref name="width"/>×<paramref name="height"/> carrying an EXIF block with GPS and the date taken.</summary>
    public static byte[] CameraJpeg(int width = 1200, int height = 800, ushort orientation = 1, string takenAt = "2024:06:02 10:30:00")
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SkyBlue, SKColors.DarkGreen], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
            // A mark in the top-left corner, to see where orientation puts it.
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 10f, height / 10f, red);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var exif = Exif(orientation, takenAt);
        // APP1 goes straight after SOI (FF D8).
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>"Exif\0\0" and a little-endian TIFF: IFD0 (orientation, Exif and GPS pointers), the Exif IFD (DateTimeOriginal), the GPS IFD (40°49'N).</summary>
    private static byte[] Exif(ushort orientation, string takenAt)
    {
        var tiff = new byte[160];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        const int ifd0 = 8, exifIfd = ifd0 + 2 + 3 * 12 + 4, dateAt = exifIfd + 2 + 12 + 4, gpsIfd = dateAt + 20, latitudeAt = gpsIfd + 2 + 2 * 12 + 4;
        BinaryPrimitives.WriteUInt16LittleEndian(s[ifd0..], 3);
        Entry(s, ifd0 + 2, 0x0112, 3, 1, orientation);
        Entry(s, ifd0 + 14, 0x8769, 4, 1, exifIfd);
        Entry(s, ifd0 + 26, 0x8825, 4, 1, gpsIfd);
        BinaryPrimitives.WriteUInt16LittleEndian(s[exifIfd..], 1);
        Entry(s, exifIfd + 2, 0x9003, 2, 20, dateAt);
        Encoding.ASCII.GetBytes(takenAt + "\0").CopyTo(s[dateAt..]);
        BinaryPrimitives.WriteUInt16LittleEndian(s[gpsIfd..], 2);
        Entry(s, gpsIfd + 2, 0x0001, 2, 2, 'N');
        Entry(s, gpsIfd + 14, 0x0002, 5, 3, latitudeAt);
        uint[] latitude = [40, 1, 49, 1, 0, 1];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(latitudeAt + 4 * i)..], latitude[i]);
        }
        return [.. "Exif\0\0"u8, .. tiff[..(latitudeAt + 24)]];
    }

    private static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8)..], value);
    }

    /// <summary>A small real PNG.</summary>
    public static byte[] Png(int width = 400, int height = 300)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Orange);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A PNG of a few hundred bytes that declares <paramref name="width"/>×<paramref name="height"/> pixels: a decompression bomb's header.</summary>
    public static byte[] PngBomb(int width = 10_000, int height = 5_000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]);
        }
        return [0x89, .. "PNG\r\n\u001a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    public static readonly byte[] Svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray();
}
