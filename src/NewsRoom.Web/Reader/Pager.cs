using Microsoft.AspNetCore.WebUtilities;

namespace NewsRoom.Web.Reader;

/// <summary>Which page of a reader list is shown, and the addresses of its neighbours.</summary>
public sealed record Pager(int Current, int Count, string Path, IReadOnlyDictionary<string, string?> Query)
{
    /// <summary>A page number a list can show: 1 always (the empty state), else 1 to the last page.</summary>
    public static bool IsValid(int page, int total, int pageSize) => page >= 1 && (page == 1 || (page - 1) * pageSize < total);

    public static Pager For(int page, int total, int pageSize, string path, IReadOnlyDictionary<string, string?>? query = null) =>
        new(page, Math.Max(1, (total + pageSize - 1) / pageSize), path, query ?? new Dictionary<string, string?>());

    public bool HasPrevious => Current > 1;
    public bool HasNext => Current < Count;

    public string Href(int page)
    {
        var query = Query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value);
        if (page > 1)
        {
            query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(Path, query);
    }
}
