namespace NewsRoom.Ingest;

/// <summary>
/// Reads one page dump through the stages in the order the data flows:
/// <list type="number">
/// <item>decode (<see cref="PageDumpDecoder"/>, before the parser is called);</item>
/// <item>lines: non-blank lines with the blank-line gap before each, each classified on its own by its patterns
/// (<see cref="PageLine"/>), a line no pattern claims weighed as title or text by its shape (<see cref="LineScores"/>);</item>
/// <item>line features in context: duplicates, and the title-or-text weights of the lines around a line: a byline
/// under it, a lead that repeats it (<see cref="LineContext"/> with <see cref="LineScores"/>);</item>
/// <item>segmentation into drafts (<see cref="Segmenter"/>, with <see cref="TitleStackReader"/> and <see cref="PhotoReader"/>);</item>
/// <item>repairs: broken paragraphs, spliced captions, displaced headlines (<see cref="PageRepairs"/>);</item>
/// <item>bylines, regions and the page's own facts (<see cref="Masthead"/>, <see cref="IssueFacts"/>, <see cref="ArticleRegions"/>);</item>
/// <item>the parsed issue (<see cref="IssueAssembler"/>).</item>
/// </list>
/// </summary>
internal sealed class PageReader(string fileName, string text)
{
    public ParsedIssue Read()
    {
        var state = new PageState(fileName, text, SplitLines(text));
        new LineContext(state).Mark();
        state.Segmenter.ReadPage();
        new PageRepairs(state).Run();
        return IssueAssembler.Assemble(state);
    }

    /// <summary>The non-blank lines, each with the number of blank lines before it: two or more separate blocks.</summary>
    private static List<PageLine> SplitLines(string text)
    {
        var lines = new List<PageLine>();
        var gap = 0;
        var number = 0;
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            number++;
            // Blank lines (and lone Markdown marks) are only counted: no string is made for them.
            if (range.Trim().TrimStart('#').IsWhiteSpace())
            {
                gap++;
                continue;
            }
            lines.Add(new PageLine(number, range.ToString(), gap));
            gap = 0;
        }
        return lines;
    }
}
