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

    /// <summary>Splits a Markdown body back into paragraphs, undoing the escaping.</summary>
    public static IReadOnlyList<string> ToParagraphs(string? markdown) =>
        (markdown ?? string.Empty)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => IsTable(p) ? p : Unescape(p))
            .ToList();

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

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (Special.Contains(text[i + 1], StringComparison.Ordinal) || text[i + 1] is '-' or '+' or '=' or '.' or '>'))
            {
                i++;
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
