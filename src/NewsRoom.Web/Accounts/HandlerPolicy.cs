using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsRoom.Web.Accounts;

/// <summary>
/// The policy one page handler needs on top of its folder's: a reporter may open the desk's article page and save,
/// but only a chief editor may post its 发布 handler. Razor Pages authorize whole pages, so <see cref="HandlerPolicyFilter"/>
/// checks this before the handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>
/// Refuses a handler marked with <see cref="HandlerPolicyAttribute"/> with 403 when the caller does not meet its
/// policy, however the request was made: a hidden button is not a permission.
/// </summary>
public sealed class HandlerPolicyFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var required = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(HandlerPolicyAttribute), inherit: true)
            .Cast<HandlerPolicyAttribute>()
            .FirstOrDefault();
        if (required is not null && !(await authorization.AuthorizeAsync(context.HttpContext.User, required.Policy)).Succeeded)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
