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
    /// Renditions at /media/{hash}.{ext}, through the static file pipeline (ETag, 304, ranges; before routing, as the
    /// site's own static files): the name is the hash of the bytes, so the answer never changes and browsers and proxies
    /// keep it for a year. Originals are never served: they carry the camera's EXIF, location included.
    /// </summary>
    public static void UseNewsRoomMedia(this IApplicationBuilder app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.ApplicationServices.GetRequiredService<IMediaStore>().Renditions,
            RequestPath = MediaNames.UrlPrefix.TrimEnd('/'),
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
    }
}
