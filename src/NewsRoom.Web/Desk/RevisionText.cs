using System.Text;
using DiffPlex;

namespace NewsRoom.Web.Desk;

/// <summary>A run of text in a diff: the same in both, only in the older (deleted) or only in the newer (inserted).</summary>
public sealed record DiffRun(DiffRunKind Kind, string Text);

public enum DiffRunKind
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>
/// An article as readable text, one labelled line per field and the body as written, and the character-level
/// diff of two such texts: Chinese has no spaces between words, so a word diff would mark whole sentences.
/// </summary>
public static class RevisionText
{
    public static string Of(ArticleSnapshot snapshot, IReadOnlyDictionary<int, string> regionNames)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(regionNames);
        var text = new StringBuilder();
        Line(text, "栏目", snapshot.Column);
        Line(text, "引题", snapshot.Kicker);
        Line(text, "标题", snapshot.Headline);
        Line(text, "网页标题", snapshot.DisplayTitle);
        Line(text, "副题", snapshot.Subheadline);
        Line(text, "电头", snapshot.DatelineKind is null ? null : $"本报{snapshot.DatelinePlace}{snapshot.DatelineDate}{snapshot.DatelineKind}");
        Line(text, "署名", string.Join("、", snapshot.Bylines.Select(b => $"{b.Role.ToChinese()} {b.Name}")));
        Line(text, "地区", string.Join("、", snapshot.Regions.Select(r =>
            (regionNames.TryGetValue(r.RegionId, out var name) ? name : $"#{r.RegionId}") + (r.IsPrimary ? "（主）" : string.Empty))));
        foreach (var photo in snapshot.Photos)
        {
            Line(text, "图片", string.Join(" | ", new[] { photo.Title, photo.Caption, photo.Credits }.Where(s => !string.IsNullOrEmpty(s))));
        }
        text.Append("正文：\n").Append(snapshot.Body.Replace("\r\n", "\n", StringComparison.Ordinal));
        return text.ToString();
    }

    /// <summary>The differences from older to newer, by character, with neighbouring runs of a kind joined.</summary>
    public static IReadOnlyList<DiffRun> Diff(string older, string newer)
    {
        var result = Differ.Instance.CreateCharacterDiffs(older, newer, ignoreWhitespace: false);
        var runs = new List<DiffRun>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(runs, DiffRunKind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(runs, DiffRunKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(runs, DiffRunKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(runs, DiffRunKind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return runs;
    }

    private static void Add(List<DiffRun> runs, DiffRunKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var text = string.Concat(pieces.Skip(start).Take(count));
        if (runs.Count > 0 && runs[^1].Kind == kind)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new DiffRun(kind, text));
        }
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(label).Append('：').Append(value).Append('\n');
        }
    }
}
