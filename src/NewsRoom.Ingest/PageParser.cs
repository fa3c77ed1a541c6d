namespace NewsRoom.Ingest;

/// <summary>Turns the text of one page dump into articles. Never throws on text: what it cannot place it keeps and warns about.</summary>
public static class PageParser
{
    /// <summary>Parses the decoded text of a page dump.</summary>
    /// <param name="fileName">The dump's file name, copied to <see cref="ParsedIssue.File"/>.</param>
    /// <param name="text">The decoded text of the dump.</param>
    public static ParsedIssue Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PageReader(fileName, text).Read();
    }
}
