using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace NewsRoom.Web.Reader;

/// <summary>
/// Cache-Control and validators (ETag, Last-Modified) that a proxy or CDN in front of the site can use. A reader page is
/// given them when it is rendered for the output cache, so the cache stores them with the page; the output cache then
/// answers If-None-Match / If-Modified-Since with 304 from the stored entry. The ETag names one rendering: a page
/// evicted and rendered again gets a new one, and each Accept-Encoding variant (a rendering of its own, since the
/// reader policy varies by that header) has its own, so a 304 never tells a client that another encoding's bytes are
/// the ones it holds.
/// </summary>
internal static class ReaderValidators
{
    /// <summary>
    /// A proxy may serve a reader page for a minute without asking; the site's own cache is evicted at once on publish,
    /// so a minute is the most a reader behind a proxy waits for an edit.
    /// </summary>
    internal const string PublicPage = "public, max-age=60";

    /// <summary>Every other HTML page (the desk, a signed-in reader, search): only the browser keeps it, and asks again.</summary>
    internal const string PrivatePage = "private, no-cache";

    /// <summary>Runs inside the output cache: only renderings, never cache hits, reach it.</summary>
    public static IApplicationBuilder UseReaderValidators(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true })
            {
                var headers = context.Response.Headers;
                headers.ETag = NewEntityTag();
                headers.LastModified = HeaderUtilities.FormatDate(DateTimeOffset.UtcNow);
                headers.CacheControl = PublicPage;
                headers.Vary = HeaderNames.AcceptEncoding;
            }
            return next(context);
        });

    /// <summary>
    /// HTML without a cache policy of its own is private; a reader page that did not render (404, error) loses the
    /// validators given to it before it ran, since the output cache keeps only 200s.
    /// </summary>
    public static IApplicationBuilder UseHtmlCachePolicy(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.StatusCode != StatusCodes.Status200OK && response.StatusCode != StatusCodes.Status304NotModified)
                {
                    response.Headers.Remove(HeaderNames.ETag);
                    response.Headers.Remove(HeaderNames.LastModified);
                    if (response.Headers.CacheControl == PublicPage)
                    {
                        response.Headers.CacheControl = PrivatePage;
                    }
                }
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    && string.IsNullOrEmpty(response.Headers.CacheControl))
                {
                    response.Headers.CacheControl = PrivatePage;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });

    // Random rather than a hash of the body: the headers are stored before the body is written, and a rendering is
    // what the tag has to tell apart. Weak, because compression and HEAD give the same rendering different bytes.
    private static string NewEntityTag() =>
        string.Create(CultureInfo.InvariantCulture, $"W/\"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}\"");
}
