using System.Text;

namespace NewsRoom.Web.Import;

/// <summary>Turns the parser's paragraphs into a Markdown body that renders as the paper printed it.</summary>
public static class MarkdownText
{
    /// <summary>Joins paragraphs with blank lines; text is escaped, Markdown tables from the parser are kept.</summary>
    public static string FromParagraphs(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        return string.Join("\n\n", paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => IsTable(p) ? p.Trim() : Escape(p.Trim())));
    }

    private static bool IsTable(string paragraph) => paragraph.TrimStart().StartsWith('|');

    // Characters that would otherwise start emphasis, links, code, HTML or a block construct.
    private const string Special = "\\`*_[]<>#|~";

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Special.Contains(c, StringComparison.Ordinal)
                || (i == 0 && c is '-' or '+' or '=' or '>')
                || (c == '.' && i > 0 && char.IsAsciiDigit(text[i - 1]) && AllDigitsBefore(text, i)))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool AllDigitsBefore(string text, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
