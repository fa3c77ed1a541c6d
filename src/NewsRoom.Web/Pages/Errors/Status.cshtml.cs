using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Errors;

// Serves both the status-code re-execution (/error/404) and the exception handler (/error).
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Title, Message) = status switch
        {
            404 => ("页面不存在", "您要找的页面不存在，或文章尚未发布。可以回到首页，或按盟市浏览。"),
            403 => ("没有权限", "您的账户没有访问此页面的权限。"),
            400 => ("请求无效", "请求无法处理，请返回上一页重试。"),
            413 => ("文件太大", "上传的文件太大，未做任何更改。版面文件最大 10 MB。"),
            429 => ("请求过于频繁", "登录尝试次数过多，请一分钟后再试。"),
            _ => ("出错了", "服务器暂时无法处理您的请求，请稍后再试。"),
        };
        Response.StatusCode = status;
    }
}
