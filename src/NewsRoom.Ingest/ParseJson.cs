using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsRoom.Ingest;

/// <summary>Writes parsed issues as the JSON of the parse contract (shared/spec/parse-output.md).</summary>
public static class ParseJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable in the output rather than \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON array with an object per issue, in the order given.</summary>
    public static void Write(Stream output, IEnumerable<ParsedIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartArray();
        foreach (var issue in issues)
        {
            WriteIssue(w, issue);
        }
        w.WriteEndArray();
    }

    /// <summary>The JSON array as a string.</summary>
    public static string ToJson(IEnumerable<ParsedIssue> issues)
    {
        using var stream = new MemoryStream();
        Write(stream, issues);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteIssue(Utf8JsonWriter w, ParsedIssue issue)
    {
        w.WriteStartObject();
        w.WriteString("file", issue.File);
        w.WriteString("paper", issue.Paper);
        w.WriteString("homeRegion", issue.HomeRegion);
        w.WriteString("date", issue.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (issue.Page is { } page)
        {
            w.WriteNumber("page", page);
        }
        else
        {
            w.WriteNull("page");
        }
        w.WriteString("pageName", issue.PageName);
        w.WriteStartArray("articles");
        foreach (var a in issue.Articles)
        {
            WriteArticle(w, a);
        }
        w.WriteEndArray();
        WriteStrings(w, "furniture", issue.Furniture);
        WriteStrings(w, "unplaced", issue.Unplaced);
        WriteStrings(w, "warnings", issue.Warnings);
        w.WriteEndObject();
    }

    private static void WriteArticle(Utf8JsonWriter w, ParsedArticle a)
    {
        w.WriteStartObject();
        w.WriteString("kind", a.Kind.ToString().ToLowerInvariant());
        w.WriteString("column", a.Column);
        w.WriteString("kicker", a.Kicker);
        w.WriteString("headline", a.Headline);
        w.WriteString("subheadline", a.Subheadline);
        WriteBylines(w, "bylines", a.Bylines);
        if (a.Dateline is { } d)
        {
            w.WriteStartObject("dateline");
            w.WriteString("place", d.Place);
            w.WriteString("date", d.Date);
            w.WriteString("kind", d.Kind);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("dateline");
        }
        WriteStrings(w, "body", a.Body);
        w.WriteStartArray("photos");
        foreach (var p in a.Photos)
        {
            w.WriteStartObject();
            w.WriteString("title", p.Title);
            w.WriteString("caption", p.Caption);
            WriteBylines(w, "credits", p.Credits);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStrings(w, "regions", a.Regions);
        WriteStrings(w, "places", a.Places);
        WriteStrings(w, "tags", a.Tags);
        w.WriteString("continuation", a.Continuation);
        WriteStrings(w, "asPrinted", a.AsPrinted);
        w.WriteEndObject();
    }

    private static void WriteBylines(Utf8JsonWriter w, string name, IReadOnlyList<ParsedByline> bylines)
    {
        w.WriteStartArray(name);
        foreach (var b in bylines)
        {
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteString("role", b.Role.ToChinese());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
