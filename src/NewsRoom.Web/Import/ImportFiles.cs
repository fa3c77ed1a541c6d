using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Import;

/// <summary>A page dump the admin console can import: a seed or an upload.</summary>
public sealed record ImportFile(IssueOrigin Origin, string FileName, long Length, DateTime ModifiedAt)
{
    /// <summary>How forms and links name the file: "Seed|name.txt".</summary>
    public string Ref => $"{Origin}|{FileName}";
}

/// <summary>
/// The page dumps the admin console offers: the seeds folder and the uploads kept next to the database.
/// Uploads are kept as sent, so what was previewed is what gets imported, and the original stays on disk.
/// </summary>
public sealed class ImportFiles(IOptions<NewsRoomOptions> options, IHostEnvironment environment, IConfiguration configuration)
{
    /// <summary>The largest upload accepted.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public string? SeedsFolder =>
        PageDumpFiles.FindSeedsFolder(options.Value.SeedsPath, Environment.CurrentDirectory)
        ?? PageDumpFiles.FindSeedsFolder(options.Value.SeedsPath, environment.ContentRootPath);

    /// <summary>data/uploads beside the database file, so uploads live and are backed up with the store.</summary>
    public string UploadsFolder
    {
        get
        {
            var connection = DataServiceCollectionExtensions.ResolveConnectionString(configuration.GetConnectionString("NewsRoom"), Environment.CurrentDirectory);
            var folder = SqliteStore.FolderOf(connection) is { } data
                ? Path.Combine(data, "uploads")
                : Path.Combine(Path.GetTempPath(), "newsroom-uploads");
            return folder;
        }
    }

    public IReadOnlyList<ImportFile> List()
    {
        var files = new List<ImportFile>();
        if (SeedsFolder is { } seeds)
        {
            files.AddRange(Describe(IssueOrigin.Seed, seeds));
        }
        if (Directory.Exists(UploadsFolder))
        {
            files.AddRange(Describe(IssueOrigin.Upload, UploadsFolder));
        }
        return files;
    }

    /// <summary>Parses "Seed|name.txt"; null for anything that is not one of the listed files.</summary>
    public ImportFile? Find(string? fileRef)
    {
        if (string.IsNullOrEmpty(fileRef))
        {
            return null;
        }
        return List().FirstOrDefault(f => string.Equals(f.Ref, fileRef, StringComparison.Ordinal));
    }

    public async Task<ImportSource> ReadAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = file.Origin == IssueOrigin.Seed ? SeedsFolder : UploadsFolder;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder!, file.FileName), cancellationToken);
        return new ImportSource(file.FileName, bytes, file.Origin);
    }

    /// <summary>Why an upload is refused, in words for the admin, or null when it can be kept.</summary>
    public static string? Validate(string? fileName, long length, byte[]? bytes)
    {
        var name = CleanName(fileName);
        if (name is null)
        {
            return "只能上传 .txt 格式的版面文本文件。";
        }
        if (length > MaxUploadBytes)
        {
            return "文件超过 10 MB 的上限，未做任何更改。";
        }
        if (bytes is null || bytes.Length == 0)
        {
            return "文件是空的，未做任何更改。";
        }
        var reading = PageDump.Read(name, bytes);
        if (reading.Issue is null)
        {
            return "无法读取该文件：它不是文本文件，或者编码不是 UTF-8、UTF-16 或 GB18030。未做任何更改。";
        }
        if (string.IsNullOrWhiteSpace(reading.Text))
        {
            return "文件是空的，未做任何更改。";
        }
        if (reading.Issue.Articles.Count == 0)
        {
            return "未能从该文件中识别出任何文章，未做任何更改。";
        }
        return null;
    }

    /// <summary>The name an upload is kept under: the file name alone, which must end in .txt.</summary>
    public static string? CleanName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        return name.Length is > 4 and <= 200
            && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && !name.Contains('|', StringComparison.Ordinal)
            ? name
            : null;
    }

    /// <summary>Keeps a validated upload; one of the same name is replaced, as a corrected page replaces the first.</summary>
    public async Task<ImportFile> SaveUploadAsync(string fileName, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var name = CleanName(fileName) ?? throw new ArgumentException("Not an acceptable upload name.", nameof(fileName));
        Directory.CreateDirectory(UploadsFolder);
        var path = Path.Combine(UploadsFolder, name);
        var temp = path + ".part";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
        return new ImportFile(IssueOrigin.Upload, name, bytes.Length, File.GetLastWriteTimeUtc(path));
    }

    private static IEnumerable<ImportFile> Describe(IssueOrigin origin, string folder) =>
        PageDumpFiles.Expand([folder])
            .Select(path => new FileInfo(path))
            .Select(info => new ImportFile(origin, info.Name, info.Length, info.LastWriteTimeUtc));
}
