namespace NewsRoom.Web.Pages.Admin.Audit;

/// <summary>The audit trail as RFC 4180 CSV, safe to open in a spreadsheet.</summary>
public static class AuditCsv
{
    public static Task WriteHeaderAsync(TextWriter csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return csv.WriteAsync("时间（UTC）,时间（北京时间）,操作人,账户编号,来源地址,操作,操作代码,稿件,对象,摘要\r\n");
    }

    public static Task WriteRowAsync(TextWriter csv, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(entry);
        string?[] fields =
        [
            DateTime.SpecifyKind(entry.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            entry.At.ToChinaTime("yyyy-MM-dd HH:mm:ss"),
            entry.Actor,
            entry.ActorId,
            entry.ClientAddress,
            AuditActions.LabelOf(entry.Action),
            entry.Action,
            entry.ArticleId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.Target,
            entry.Summary,
        ];
        return csv.WriteAsync(string.Join(',', fields.Select(Field)) + "\r\n");
    }

    /// <summary>
    /// One field: quoted when it holds a comma, quote or line break; and a field a spreadsheet would run as a formula
    /// (a typed login name "=HYPERLINK(…)") gets a leading apostrophe, so opening the export runs nothing.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
