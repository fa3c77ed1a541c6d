using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace NewsRoom.Web.Media;

/// <summary>
/// The media store as a folder (NewsRoom:Media:Path): originals/ and renditions/. Several web nodes can share it as a
/// volume: a file is written under a temporary name and moved into place, so no node reads half a file.
/// </summary>
internal sealed class FolderMediaStore : IMediaStore, IDisposable
{
    private readonly string _root;
    private readonly PhysicalFileProvider _renditions;

    public FolderMediaStore(IOptions<NewsRoomOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(options.Value.Media.Path, Environment.CurrentDirectory);
        var renditions = Path.Combine(_root, "renditions");
        Directory.CreateDirectory(renditions);
        _renditions = new PhysicalFileProvider(renditions);
    }

    public IFileProvider Renditions => _renditions;

    public void Dispose() => _renditions.Dispose();

    public async Task SaveAsync(MediaFileKind kind, string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(kind, name);
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Stream? OpenRead(MediaFileKind kind, string name)
    {
        var path = PathOf(kind, name);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(MediaFileKind kind, string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(kind, name));
        return Task.CompletedTask;
    }

    private string PathOf(MediaFileKind kind, string name)
    {
        // Names are made by the site (a hash and an extension); anything else never reaches the disk.
        if (!MediaNames.IsValid(name))
        {
            throw new ArgumentException($"Not a media file name: {name}", nameof(name));
        }
        return Path.Combine(_root, kind == MediaFileKind.Original ? "originals" : "renditions", name);
    }
}
