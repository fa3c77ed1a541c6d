namespace NewsRoom.Ingest;

/// <summary>Pairs of adjacent Chinese characters: a cheap measure of which story a paragraph talks like.</summary>
internal static class Bigrams
{
    // Enough text to know what a paragraph is about; a huge one costs no more than this.
    private const int MaxChars = 1200;

    public static HashSet<int> Of(string text)
    {
        var set = new HashSet<int>();
        var n = Math.Min(text.Length, MaxChars);
        for (var i = 0; i + 1 < n; i++)
        {
            if (TextRules.IsIdeograph(text[i]) && TextRules.IsIdeograph(text[i + 1]))
            {
                set.Add((text[i] << 16) | text[i + 1]);
            }
        }
        return set;
    }

    private static int Shared(HashSet<int> a, HashSet<int> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var n = 0;
        foreach (var x in small)
        {
            if (large.Contains(x))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>How much of the reference the paragraph repeats (for a short reference such as a headline).</summary>
    public static double Recall(HashSet<int> paragraph, HashSet<int> reference) =>
        reference.Count == 0 ? 0 : (double)Shared(paragraph, reference) / reference.Count;

    /// <summary>How much of the paragraph the reference already said (for a reference of whole paragraphs).</summary>
    public static double Precision(HashSet<int> paragraph, HashSet<int> reference) =>
        paragraph.Count == 0 ? 0 : (double)Shared(paragraph, reference) / paragraph.Count;
}
