namespace NewsRoom.Web.Import;

/// <summary>Finds the page dumps named on a command line or in a seeds folder.</summary>
public static class PageDumpFiles
{
    /// <summary>Files as given, folders as their *.txt files; sorted by name within a folder so imports run in page order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }
        return files;
    }

    /// <summary>The seeds folder: an absolute path, or a relative one looked for from the content root upwards.</summary>
    public static string? FindSeedsFolder(string configured, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (Path.IsPathRooted(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
