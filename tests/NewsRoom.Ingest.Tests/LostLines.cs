using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsRoom.Ingest.Tests;

/// <summary>
/// The C# twin of shared/eval/lost_lines.py: every line of a dump must be found again in the parse output
/// (articles, captions, furniture, unplaced), or for a byline or dateline, every name in it.
/// </summary>
internal static partial class LostLines
{
    private const string Role = "(本报|新报|本网)?(融媒体|特派|首席)?(实习)?(记者|通讯员|实习生)|摄影报道|摄影|摄";

    [GeneratedRegex(@"^(本报|新报|本网)[^讯电()]{0,16}[讯电]\(([^)]*)\)")]
    private static partial Regex Dateline();

    [GeneratedRegex(Role + @"|\s+")]
    private static partial Regex NameSplit();

    [GeneratedRegex(@"^[\s()■□●]*((" + Role + @")?\s*[\u4e00-\u9fff·]{2,8}\s*)+(" + Role + @")?[\s()]*$")]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"^\s*#+\s*")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"^[□●■◆▲]+")]
    private static partial Regex Bullets();

    [GeneratedRegex(@"[()■□●]")]
    private static partial Regex CreditMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string Fold(string s)
    {
        var t = Whitespace().Replace(s.Normalize(NormalizationForm.FormKC), string.Empty);
        return t.Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'').Replace('「', '"').Replace('」', '"');
    }

    /// <summary>The lines of <paramref name="text"/> not found in <paramref name="issue"/>, as "N: line".</summary>
    public static List<string> Find(ParsedIssue issue, string text)
    {
        using var doc = JsonDocument.Parse(ParseJson.ToJson([issue]));
        var blob = Fold(string.Join("\u0001", Pages.Strings(doc.RootElement[0])));
        var lost = new List<string>();
        var checkedLines = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            n++;
            var raw = range.ToString();
            var line = Bullets().Replace(Fold(Markdown().Replace(raw, string.Empty)), string.Empty);
            if (line.Length < 2 || !checkedLines.Add(line))
            {
                continue;
            }
            bool ok;
            var m = Dateline().Match(line);
            if (m.Success)
            {
                var names = NameSplit().Split(m.Groups[2].Value.Normalize(NormalizationForm.FormKC)).Where(t => t.Length > 1);
                var rest = line[m.Length..];
                ok = names.All(t => blob.Contains(Fold(t), StringComparison.Ordinal)) && (rest.Length == 0 || blob.Contains(rest, StringComparison.Ordinal));
            }
            else if (blob.Contains(line, StringComparison.Ordinal))
            {
                ok = true;
            }
            else
            {
                var nfkc = raw.Normalize(NormalizationForm.FormKC);
                var parts = NameSplit().Split(CreditMarks().Replace(nfkc, " ")).Where(p => p.Length > 1).ToList();
                var stripped = nfkc.Trim();
                ok = parts.Count > 0 && CreditLine().IsMatch(stripped.Length > 0 ? stripped : "x") && parts.All(p => blob.Contains(Fold(p), StringComparison.Ordinal));
            }
            if (!ok)
            {
                lost.Add($"{n}: {raw.Trim()}");
            }
        }
        return lost;
    }
}
