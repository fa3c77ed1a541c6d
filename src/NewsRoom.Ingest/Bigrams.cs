namespace NewsRoom.Ingest;

/// <summary>
/// Pairs of adjacent Chinese characters: a cheap measure of which story a paragraph talks like. Kept as
/// sorted arrays, so building and comparing them allocates little on a page of thousands of stories.
/// </summary>
internal static class Bigrams
{
    // Enough text to know what a paragraph is about; a huge one costs no more than this.
    private const int MaxChars = 1200;

    public static int[] Of(string text) => Of([text]);

    public static int[] Of(IEnumerable<string> texts)
    {
        var list = new List<int>(texts is string[] { Length: 1 } one ? Math.Min(one[0].Length, MaxChars) : 64);
        var budget = MaxChars;
        foreach (var text in texts)
        {
            var n = Math.Min(text.Length, budget);
            budget -= n;
            for (var i = 0; i + 1 < n; i++)
            {
                if (TextRules.IsIdeograph(text[i]) && TextRules.IsIdeograph(text[i + 1]))
                {
                    list.Add((text[i] << 16) | text[i + 1]);
                }
            }
            if (budget <= 0)
            {
                break;
            }
        }
        list.Sort();
        var unique = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (unique == 0 || list[i] != list[unique - 1])
            {
                list[unique++] = list[i];
            }
        }
        var result = new int[unique];
        list.CopyTo(0, result, 0, unique);
        return result;
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
