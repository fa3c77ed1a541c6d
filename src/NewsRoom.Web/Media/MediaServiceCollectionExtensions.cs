using Microsoft.Net.Http.Headers;

namespace NewsRoom.Web.Media;

internal static class MediaServiceCollectionExtensions
{
    /// <summary>The media store (a folder) and the library the desk's picture pages share.</summary>
    public static IServiceCollection AddNewsRoomMedia(this IServiceCollection services)
    {
        services.AddSingleton<IMediaStore, FolderMediaStore>();
        services.AddScoped<MediaLibrary>();
        return services;
    }

    /// <summary>
    /// Renditions at /media/{hash}.{ext}: the name is the hash of the bytes, so the answer never changes and browsers
    /// and proxies keep it for a year. Originals are never served (they carry the camera's EXIF, location included).
    /// </summary>
    public static IEndpointRouteBuilder MapNewsRoomMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaNames.UrlPrefix + "{name}", (string name, HttpContext context, IMediaStore store) =>
        {
            if (!MediaNames.IsValid(name) || name.Length > 40 || store.OpenRead(MediaFileKind.Rendition, name) is not { } file)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            // The hash in the name is the entity tag: a conditional request is answered 304 by the file result.
            return Results.File(file, MediaNames.ContentType(name), entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(name)}\""));
        });
        return endpoints;
    }
}
