using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace NewsRoom.Web.Pages.Errors;

// Serves both the status-code re-execution (/error/404) and the exception handler (/error). A re-executed POST
// arrives here as a POST carrying the refused request's body, which is never read: no model binding, no antiforgery.
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = string.Empty;

    // No parameters: binding one would read the refused request's form, the very thing that could not be read.
    public void OnGet() => Describe(RequestedCode());

    public void OnPost() => Describe(RequestedCode());

    /// <summary>
    /// The status the page answers with: an error status HTTP defines (400–599 with a reason phrase); anything else in
    /// the address (/error/-1, /error/999) is a page that does not exist. /error without a code is the exception
    /// handler's, and a 500 only when an exception was really handled.
    /// </summary>
    public static int StatusFor(int? code, bool exceptionHandled) => code switch
    {
        null => exceptionHandled ? StatusCodes.Status500InternalServerError : StatusCodes.Status404NotFound,
        >= 400 and <= 599 when ReasonPhrases.GetReasonPhrase(code.Value).Length > 0 => code.Value,
        _ => StatusCodes.Status404NotFound,
    };

    // The status being explained: the re-executed response's own, else the one in the address.
    private int? RequestedCode() =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
        ?? (int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null);

    private void Describe(int? code)
    {
        var status = StatusFor(code, HttpContext.Features.Get<IExceptionHandlerFeature>() is not null);
        (Title, Message) = status switch
        {
            404 => ("页面不存在", "您要找的页面不存在，或文章尚未发布。可以回到首页，或按盟市浏览。"),
            403 => ("没有权限", "您的账户没有访问此页面的权限。"),
            400 => ("请求无效", "请求无法处理，请返回上一页重试。"),
            405 => ("请求方式不支持", "此页面不接受这种请求方式，请返回上一页重试。"),
            413 => ("文件太大", "上传的文件太大，未做任何更改。版面文件最大 10 MB，图片最大 20 MB。"),
            414 => ("地址太长", "请求的地址太长，请缩短搜索词后重试。"),
            429 => ("请求过于频繁", "登录尝试次数过多，请一分钟后再试。"),
            < 500 => ("请求无效", "请求无法处理，请返回上一页重试。"),
            _ => ("出错了", "服务器暂时无法处理您的请求，请稍后再试。"),
        };
        Response.StatusCode = status;
    }
}
