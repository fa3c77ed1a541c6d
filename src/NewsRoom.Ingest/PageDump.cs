namespace NewsRoom.Ingest;

/// <summary>The outcome of reading one page dump: a parsed issue, or a one-line reason it could not be read.</summary>
/// <param name="Issue">The parsed issue, or null when the bytes are not readable text.</param>
/// <param name="Text">The decoded text the issue was parsed from.</param>
/// <param name="Encoding">The detected encoding.</param>
/// <param name="Error">Why the bytes could not be read, when <paramref name="Issue"/> is null.</param>
public sealed record PageDumpReading(ParsedIssue? Issue, string? Text, string? Encoding, string? Error);

/// <summary>The parser's entry point: the bytes of one page dump in, a parsed issue out.</summary>
public static class PageDump
{
    /// <summary>Decodes and parses the bytes of a page dump.</summary>
    public static PageDumpReading Read(string fileName, ReadOnlySpan<byte> bytes)
    {
        var decoded = PageDumpDecoder.Decode(bytes);
        return decoded.Text is null
            ? new PageDumpReading(null, null, null, decoded.Error)
            : new PageDumpReading(PageParser.Parse(fileName, decoded.Text), decoded.Text, decoded.Encoding, null);
    }
}
