using System.Text;

namespace NewsRoom.Ingest;

/// <summary>The text of a page dump, or why it could not be read.</summary>
/// <param name="Text">The decoded text, or null when the bytes are not readable text.</param>
/// <param name="Encoding">The encoding that was detected (utf-8, utf-16le, gb18030 …).</param>
/// <param name="Error">A one-line reason when <paramref name="Text"/> is null.</param>
public sealed record DecodedPageDump(string? Text, string? Encoding, string? Error)
{
    /// <summary>True when the bytes were read as text.</summary>
    public bool Succeeded => Text is not null;
}

/// <summary>Detects the encoding of a page dump and reads it as text.</summary>
public static class PageDumpDecoder
{
    static PageDumpDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads UTF-8 (with or without BOM), UTF-16 (with BOM, or detected by its zero bytes) and GB18030/GBK.</summary>
    public static DecodedPageDump Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return new DecodedPageDump(string.Empty, "utf-8", null);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(StrictUtf8, bytes[3..], "utf-8");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16le");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16be");
        }
        if (LooksLikeBomlessUtf16(bytes, out var bigEndian))
        {
            return Strict(new UnicodeEncoding(bigEndian, false, true), bytes, bigEndian ? "utf-16be" : "utf-16le");
        }
        if (bytes.Contains((byte)0))
        {
            return new DecodedPageDump(null, null, "not a text file: it contains NUL bytes");
        }
        var utf8 = Strict(StrictUtf8, bytes, "utf-8");
        if (utf8.Succeeded)
        {
            return utf8;
        }
        var gb = Strict(System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, "gb18030");
        return gb.Succeeded
            ? gb
            : new DecodedPageDump(null, null, "cannot be decoded: neither UTF-8, UTF-16 nor GB18030");
    }

    private static DecodedPageDump Strict(System.Text.Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedPageDump(null, null, $"cannot be decoded as {name}");
        }
        return HasBinaryControls(text)
            ? new DecodedPageDump(null, null, "not a text file: it contains control characters")
            : new DecodedPageDump(text, name, null);
    }

    // Chinese text in UTF-16 has no NUL bytes in either half as often as ASCII does, so look for the
    // ASCII pattern (zero in every other byte) only over the line breaks and spaces every dump has.
    private static bool LooksLikeBomlessUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return false;
        }
        int evenZeros = 0, oddZeros = 0, pairs = Math.Min(bytes.Length / 2, 4096);
        for (var i = 0; i < pairs; i++)
        {
            if (bytes[2 * i] == 0)
            {
                evenZeros++;
            }
            if (bytes[(2 * i) + 1] == 0)
            {
                oddZeros++;
            }
        }
        if (oddZeros > pairs / 10 && evenZeros == 0)
        {
            return true;
        }
        if (evenZeros > pairs / 10 && oddZeros == 0)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    private static bool HasBinaryControls(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                controls++;
            }
        }
        return controls > 0 && controls * 100 > text.Length;
    }
}
