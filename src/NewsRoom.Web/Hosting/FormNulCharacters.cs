using System.Text;

namespace NewsRoom.Web.Hosting;

/// <summary>
/// ASP.NET Core's form reader refuses a NUL anywhere in a url-encoded form ("The form value contains invalid
/// characters"), so the antiforgery check cannot read the token and the person gets a bare 400 and loses what they
/// typed. Here, before anything reads the form, each NUL becomes the visible ␀ (U+2400) and the fields it was in are
/// noted, so <see cref="Pages.FormControlCharacters"/> refuses them and the page shows the form again as typed, with
/// ␀ where the NUL was.
/// </summary>
internal static class FormNulCharacters
{
    /// <summary>The HttpContext.Items key of the names of the fields that held a NUL.</summary>
    public const string FieldsKey = "NewsRoom.FormNulFields";

    // U+2400 SYMBOL FOR NULL, percent-encoded as UTF-8.
    private static readonly byte[] NulSymbol = "%E2%90%80"u8.ToArray();

    public static IApplicationBuilder UseFormNulCharacters(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method)
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                byte[] body;
                try
                {
                    using var buffer = new MemoryStream();
                    await request.Body.CopyToAsync(buffer, context.RequestAborted);
                    body = buffer.ToArray();
                }
                catch (BadHttpRequestException ex)
                {
                    // Over the server's body limit (413) or cut off: answered as the form reader would have answered it.
                    context.Response.StatusCode = ex.StatusCode;
                    return;
                }
                var fields = new HashSet<string>(StringComparer.Ordinal);
                var replaced = Replace(body, fields);
                if (fields.Count > 0)
                {
                    context.Items[FieldsKey] = fields;
                }
                request.Body = new MemoryStream(replaced, writable: false);
                request.ContentLength = replaced.Length;
            }
            await next(context);
        });

    /// <summary>The body with every NUL (%00 or a raw zero byte) written as ␀; the names of the fields that had one are added to <paramref name="fields"/>.</summary>
    public static byte[] Replace(byte[] body, ISet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fields);
        if (!HasNul(body, 0, body.Length))
        {
            return body;
        }
        var output = new List<byte>(body.Length + 16);
        var start = 0;
        while (start <= body.Length)
        {
            var end = Array.IndexOf(body, (byte)'&', start);
            end = end < 0 ? body.Length : end;
            if (HasNul(body, start, end))
            {
                var equals = Array.IndexOf(body, (byte)'=', start, end - start);
                var keyEnd = equals < 0 ? end : equals;
                var key = Encoding.UTF8.GetString(Rewrite(body, start, keyEnd).ToArray()).Replace('+', ' ');
                fields.Add(Uri.UnescapeDataString(key));
            }
            output.AddRange(Rewrite(body, start, end));
            if (end < body.Length)
            {
                output.Add((byte)'&');
            }
            start = end + 1;
        }
        return [.. output];
    }

    private static List<byte> Rewrite(byte[] body, int start, int end)
    {
        var part = new List<byte>(end - start);
        for (var i = start; i < end; i++)
        {
            if (IsEncodedNul(body, i, end))
            {
                part.AddRange(NulSymbol);
                i += 2;
            }
            else if (body[i] == 0)
            {
                part.AddRange(NulSymbol);
            }
            else
            {
                part.Add(body[i]);
            }
        }
        return part;
    }

    private static bool HasNul(byte[] body, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (body[i] == 0 || IsEncodedNul(body, i, end))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsEncodedNul(byte[] body, int i, int end) => body[i] == '%' && i + 2 < end && body[i + 1] == '0' && body[i + 2] == '0';
}
