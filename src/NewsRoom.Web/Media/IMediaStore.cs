using Microsoft.Extensions.FileProviders;

namespace NewsRoom.Web.Media;

/// <summary>
/// Where picture files live: originals (never served) and renditions (served under /media/). Files are named by the hash
/// of their bytes, so a name never changes content and writing the same name twice writes the same bytes.
/// </summary>
public interface IMediaStore
{
    Task SaveAsync(MediaFileKind kind, string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>The file opened for reading, or null when there is none.</summary>
    Stream? OpenRead(MediaFileKind kind, string name);

    Task DeleteAsync(MediaFileKind kind, string name, CancellationToken cancellationToken);

    /// <summary>The renditions as files for the static file pipeline, which serves them under /media/; originals are not in it.</summary>
    IFileProvider Renditions { get; }
}

public enum MediaFileKind
{
    Original,
    Rendition,
}
