using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Account;

public class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
