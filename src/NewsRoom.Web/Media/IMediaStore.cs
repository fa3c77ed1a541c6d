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
}

public enum MediaFileKind
{
    Original,
    Rendition,
}
