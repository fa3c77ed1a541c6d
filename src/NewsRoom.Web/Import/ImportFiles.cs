using System.Text;
using Microsoft.Extensions.Caching.Memory;
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
/// A file is parsed once per content: the import page, the preview and the run read the same bytes again and again, and
/// a 9 MB page takes the parser a fifth of a second.
/// </summary>
public sealed class ImportFiles(IOptions<NewsRoomOptions> options, IHostEnvironment environment, IConfiguration configuration) : IDisposable
{
    /// <summary>The largest upload accepted.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The longest name an upload may have, in UTF-8 bytes: a Linux file name holds 255, and the upload is first written
    /// under its name with ".part" added. About 78 Chinese characters with ".txt".
    /// </summary>
    public const int MaxNameBytes = 240;

    // Readings by file name and content hash, weighed by their file's size: ten uploads at the limit, or every seed many times.
    private readonly MemoryCache _readings = new(new MemoryCacheOptions { SizeLimit = 10 * MaxUploadBytes });

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

    /// <summary>The file's bytes with their reading: parsed now, or taken from an earlier parse of the same bytes.</summary>
    public async Task<ImportSource> ReadAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = file.Origin == IssueOrigin.Seed ? SeedsFolder : UploadsFolder;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder!, file.FileName), cancellationToken);
        var key = (file.FileName, ImportWriter.ContentHash(bytes));
        if (!_readings.TryGetValue(key, out PageDumpReading? reading) || reading is null)
        {
            reading = Remember(key, bytes.Length, PageDump.Read(file.FileName, bytes));
        }
        return ImportSource.WithReading(file.FileName, bytes, file.Origin, reading);
    }

    /// <summary>Why an upload is refused, in words for the admin, or null when it can be kept.</summary>
    public static string? Validate(string? fileName, long length, byte[]? bytes) => Validate(fileName, length, bytes, out _);

    /// <summary>Why an upload is refused, or null when it can be kept; the parser's reading of a file that was read.</summary>
    public static string? Validate(string? fileName, long length, byte[]? bytes, out PageDumpReading? reading)
    {
        reading = null;
        var name = CleanName(fileName);
        if (name is null)
        {
            return NameError(fileName);
        }
        if (length > MaxUploadBytes)
        {
            return "文件超过 10 MB 的上限，未做任何更改。";
        }
        if (bytes is null || bytes.Length == 0)
        {
            return "文件是空的，未做任何更改。";
        }
        reading = PageDump.Read(name, bytes);
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
        var name = BaseName(fileName);
        return name.Length > 4
            && Encoding.UTF8.GetByteCount(name) <= MaxNameBytes
            && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && !name.Contains('|', StringComparison.Ordinal)
            && !name.Any(char.IsControl)
            && BidiControls.Strip(name) == name
            ? name
            : null;
    }

    /// <summary>Keeps a validated upload and the reading its check made; one of the same name is replaced, as a corrected page replaces the first.</summary>
    public async Task<ImportFile> SaveUploadAsync(string fileName, byte[] bytes, PageDumpReading? reading = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = CleanName(fileName) ?? throw new ArgumentException("Not an acceptable upload name.", nameof(fileName));
        Directory.CreateDirectory(UploadsFolder);
        var path = Path.Combine(UploadsFolder, name);
        var temp = path + ".part";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
        if (reading is not null)
        {
            Remember((name, ImportWriter.ContentHash(bytes)), bytes.Length, reading);
        }
        return new ImportFile(IssueOrigin.Upload, name, bytes.Length, File.GetLastWriteTimeUtc(path));
    }

    public void Dispose() => _readings.Dispose();

    // The decoded text is dropped: only the upload's check reads it, and it would double what the cache holds.
    private PageDumpReading Remember((string Name, string Hash) key, long size, PageDumpReading reading) =>
        _readings.Set(key, reading with { Text = null }, new MemoryCacheEntryOptions { Size = Math.Max(size, 1), SlidingExpiration = TimeSpan.FromHours(1) });

    private static string BaseName(string? fileName) => Path.GetFileName(fileName ?? string.Empty).Trim();

    // Which rule a refused name broke: its length is told apart from its kind, so a long name is not taken for a wrong type.
    private static string NameError(string? fileName)
    {
        var name = BaseName(fileName);
        if (name.Length == 0)
        {
            return "文件没有名字，请选择要上传的 .txt 文件。";
        }
        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            return "文件名太长（连同 .txt 最多 240 个字节，约 78 个汉字或 236 个英文字母），请把文件改名后再上传。未做任何更改。";
        }
        if (!name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.Length <= 4)
        {
            return "只能上传 .txt 格式的版面文本文件。";
        }
        return "文件名中有不能使用的字符（如 | / 、控制字符或改变文字方向的字符），请把文件改名后再上传。未做任何更改。";
    }

    private static IEnumerable<ImportFile> Describe(IssueOrigin origin, string folder) =>
        PageDumpFiles.Expand([folder])
            .Select(path => new FileInfo(path))
            .Select(info => new ImportFile(origin, info.Name, info.Length, info.LastWriteTimeUtc));
}
