using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Accounts;

/// <summary>
/// A reporter (记者) works on their own stories only, and only while they are drafts (returned ones included): every
/// page under /editor/articles/{id} answers anyone below 编辑 with 403 for a story they did not create or that has gone
/// to review. Editors and up reach every story.
/// </summary>
public sealed class OwnDraftsFilter(IAuthorizationService authorization, NewsRoomDb db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        if (context.RouteData.Values["id"] is string text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && !(await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded)
        {
            var me = user.Identity?.Name;
            var story = await db.Articles.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.CreatedBy, a.Status })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            // A missing story is left to the page, which answers 404 as it does for anyone.
            if (story is not null && (me is null || story.CreatedBy != me || story.Status != ArticleStatus.Draft))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            }
        }
        await next();
    }
}
