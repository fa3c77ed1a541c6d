using System.Text;

namespace NewsRoom.Ingest;

/// <summary>Character-level rules of Chinese newspaper text, shared by the line classifier and the parser.</summary>
internal static class TextRules
{
    public static bool IsIdeograph(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff');

    // Full-width forms, CJK punctuation and the curly quotes papers print around Chinese words.
    public static bool IsCjkPunctuation(char c) =>
        c is (>= '\u3000' and <= '\u303f') or (>= '\uff00' and <= '\uffef') or (>= '\u2018' and <= '\u201f') or '—' or '…' or '·' or '•';

    private static bool IsCjk(char c) => IsIdeograph(c) || IsCjkPunctuation(c);

    // OCR puts a space where a printed line ended; inside Chinese text a space means nothing, next to a
    // Latin word it is real.
    private static bool SpaceRemovable(char before, char after)
    {
        static bool Neutral(char c) => char.IsAsciiDigit(c) || c is ',' or '.' or ';' or ':' or '!' or '?' or '"' or '\'' or '(' or ')' or '%' or '-';
        return (IsCjk(before) && (IsCjk(after) || Neutral(after))) || (IsCjk(after) && Neutral(before));
    }

    /// <summary>Removes stray OCR spaces inside Chinese text; keeps spaces next to Latin words.</summary>
    public static string RemoveStraySpaces(string s)
    {
        var i = IndexOfWhitespace(s);
        if (i < 0)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, i);
        while (i < s.Length)
        {
            var c = s[i];
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
                i++;
                continue;
            }
            var j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j]))
            {
                j++;
            }
            var keep = sb.Length > 0 && j < s.Length && !SpaceRemovable(sb[^1], s[j]);
            if (keep)
            {
                sb.Append(' ');
            }
            i = j;
        }
        return sb.ToString();
    }

    private static int IndexOfWhitespace(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Collapses runs of whitespace to one space (titles keep their spaces: they separate kicker, tag and headline).</summary>
    public static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Text without any whitespace: what a reader compares.</summary>
    public static string Squeeze(string s)
    {
        if (IndexOfWhitespace(s) < 0)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static int CountNonSpace(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>True when the text ends a sentence: 。！？… optionally followed by closing quotes or brackets.</summary>
    public static bool EndsSentence(string s)
    {
        var i = s.Length - 1;
        while (i >= 0 && char.IsWhiteSpace(s[i]))
        {
            i--;
        }
        while (i >= 0 && s[i] is '”' or '’' or '"' or '\'' or '」' or '』' or ')' or '）' or '】' or '》')
        {
            i--;
        }
        return i >= 0 && s[i] is '。' or '！' or '？' or '!' or '?' or '…' or '.';
    }

    /// <summary>The last non-space character, or '\0'.</summary>
    public static char LastChar(string s)
    {
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                return s[i];
            }
        }
        return '\0';
    }

    public static bool ContainsIdeograph(string s)
    {
        foreach (var c in s)
        {
            if (IsIdeograph(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Joins two pieces of one paragraph broken across a column: no space between Chinese text.</summary>
    public static string JoinBroken(string left, string right)
    {
        var a = LastChar(left);
        var b = right.Length > 0 ? right[0] : '\0';
        return NeedsSpace(a, b) ? left.TrimEnd() + " " + right : left.TrimEnd() + right;
    }

    // Latin words broken across a column keep their space; a number broken in Chinese text ("2" + "4个") does not.
    private static bool NeedsSpace(char a, char b) =>
        char.IsAsciiLetterOrDigit(a) && char.IsAsciiLetterOrDigit(b) && !(char.IsAsciiDigit(a) && char.IsAsciiDigit(b));

    /// <summary>Appends the next piece of a broken paragraph, as <see cref="JoinBroken"/> does.</summary>
    public static void AppendBroken(StringBuilder sb, string right)
    {
        while (sb.Length > 0 && char.IsWhiteSpace(sb[^1]))
        {
            sb.Length--;
        }
        if (sb.Length > 0 && right.Length > 0 && NeedsSpace(sb[^1], right[0]))
        {
            sb.Append(' ');
        }
        sb.Append(right);
    }

    /// <summary>Splits a title line on spaces that are not inside quotes or book-title marks.</summary>
    public static List<string> TopLevelSegments(string s)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        var depth = 0;
        var straightOpen = false;
        foreach (var c in s)
        {
            switch (c)
            {
                case '“' or '「' or '《' or '『' or '(' or '（':
                    depth++;
                    break;
                case '”' or '」' or '》' or '』' or ')' or '）':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '"':
                    straightOpen = !straightOpen;
                    break;
                default:
                    break;
            }
            if (char.IsWhiteSpace(c) && depth == 0 && !straightOpen)
            {
                if (sb.Length > 0)
                {
                    parts.Add(sb.ToString());
                    sb.Clear();
                }
                continue;
            }
            sb.Append(c);
        }
        if (sb.Length > 0)
        {
            parts.Add(sb.ToString());
        }
        return parts;
    }
}
