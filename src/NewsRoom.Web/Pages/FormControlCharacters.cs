using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsRoom.Web.Pages;

/// <summary>
/// Refuses posted form fields that hold control characters (NUL, escape, …), half of a surrogate pair or bytes that were
/// not UTF-8: no person types them, SQLite and the search index would store them, and a page would show them broken. Each such field gets a
/// model error in Chinese before the handler runs, so a handler that checks ModelState shows the form again with
/// everything as typed, and changes nothing. Tabs and line breaks are text.
/// </summary>
public sealed class FormControlCharacters : IAsyncPageFilter
{
    /// <summary>The error a field with such a character gets.</summary>
    public const string FieldMessage = "不能包含控制字符（如 NUL）或无效的字符，请删去后重试。";

    /// <summary>The error the form as a whole gets, for a summary that shows only those.</summary>
    public const string FormMessage = "表单中有不能保存的控制字符或无效字符，未做任何更改。";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        // The error page re-executed for a refused POST carries that POST's body, which may be the very reason it was refused.
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // Over the form limits (field count, field length) or not well formed: a bad request, not a server error.
                context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
                return;
            }
            // The fields whose NUL FormNulCharacters had to write as ␀ before the form could be read at all.
            var refused = false;
            if (http.Items[FormNulCharacters.FieldsKey] is ISet<string> withNul)
            {
                foreach (var name in withNul)
                {
                    context.ModelState.AddModelError(name, FieldMessage);
                    refused = true;
                }
            }
            foreach (var (name, values) in form)
            {
                if (HasControlCharacters(name) || values.Any(value => value is not null && HasControlCharacters(value)))
                {
                    context.ModelState.AddModelError(name, FieldMessage);
                    refused = true;
                }
            }
            if (refused)
            {
                context.ModelState.AddModelError(string.Empty, FormMessage);
            }
        }
        await next();
    }

    /// <summary>Whether the text holds a control character other than tab and line breaks, an unpaired surrogate, or bytes that were not UTF-8.</summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            // U+FFFD is what the form reader makes of bytes that are not UTF-8, such as an encoded lone surrogate.
            if (char.IsSurrogate(c) || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return true;
            }
        }
        return false;
    }
}
