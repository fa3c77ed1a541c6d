using System.Buffers;

namespace NewsRoom.Web.Data;

/// <summary>
/// The invisible Unicode controls that reorder text (U+202E turns "gnp.exe" into "exe.png"): a headline, kicker,
/// subheadline or name that holds one reads differently from what it says, in lists, titles and feeds alike. No paper
/// prints them, so the import and the desk store these fields without them.
/// </summary>
public static class BidiControls
{
    // Embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and the Arabic letter mark U+061C.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    /// <summary>The text without bidirectional controls; null stays null, and text without any is returned as it is.</summary>
    public static string? Strip(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAny(Controls) < 0)
        {
            return text;
        }
        return string.Create(text.Length - Count(text), text, static (destination, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (!Controls.Contains(c))
                {
                    destination[written++] = c;
                }
            }
        });
    }

    /// <summary>The text without bidirectional controls, trimmed; null when nothing is left.</summary>
    public static string? StripToNull(string? text) => Strip(text)?.Trim() is { Length: > 0 } left ? left : null;

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (Controls.Contains(c))
            {
                count++;
            }
        }
        return count;
    }
}
