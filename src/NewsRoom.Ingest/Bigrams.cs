namespace NewsRoom.Ingest;

/// <summary>
/// Pairs of adjacent Chinese characters: a cheap measure of which story a paragraph talks like. Kept as
/// sorted arrays, so building and comparing them allocates little on a page of thousands of stories.
/// </summary>
internal static class Bigrams
{
    // Enough text to know what a paragraph is about; a huge one costs no more than this.
    private const int MaxChars = 1200;

    public static int[] Of(string text)
    {
        // Sized to the text: a headline's pairs need no room (or zeroing) for a paragraph's.
        var n = Math.Min(text.Length, MaxChars);
        Span<int> pairs = stackalloc int[n];
        return Unique(pairs[..Collect(text, n, pairs)]);
    }

    public static int[] Of(IEnumerable<string> texts)
    {
        // Pairs are gathered on the stack and only the distinct ones are kept: the paragraphs are not copied.
        Span<int> pairs = stackalloc int[MaxChars];
        var count = 0;
        var budget = MaxChars;
        foreach (var text in texts)
        {
            var n = Math.Min(text.Length, budget);
            budget -= n;
            count += Collect(text, n, pairs[count..]);
            if (budget <= 0)
            {
                break;
            }
        }
        return Unique(pairs[..count]);
    }

    // The pairs among the first n characters of text; there are fewer than n, so they fit where n characters would.
    private static int Collect(string text, int n, Span<int> into)
    {
        n = Math.Min(n, text.Length);
        var count = 0;
        for (var i = 0; i + 1 < n; i++)
        {
            if (TextRules.IsIdeograph(text[i]) && TextRules.IsIdeograph(text[i + 1]))
            {
                into[count++] = (text[i] << 16) | text[i + 1];
            }
        }
        return count;
    }

    private static int[] Unique(Span<int> pairs)
    {
        pairs.Sort();
        var unique = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (unique == 0 || pairs[i] != pairs[unique - 1])
            {
                pairs[unique++] = pairs[i];
            }
        }
        return pairs[..unique].ToArray();
    }

    private static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return n;
    }

    /// <summary>How much of the reference the paragraph repeats (for a short reference such as a headline).</summary>
    public static double Recall(int[] paragraph, int[] reference) =>
        reference.Length == 0 ? 0 : (double)Shared(paragraph, reference) / reference.Length;

    /// <summary>How much of the paragraph the reference already said (for a reference of whole paragraphs).</summary>
    public static double Precision(int[] paragraph, int[] reference) =>
        paragraph.Length == 0 ? 0 : (double)Shared(paragraph, reference) / paragraph.Length;
}
