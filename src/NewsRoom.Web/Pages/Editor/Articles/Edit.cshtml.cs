using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Editor.Articles;

/// <summary>A story's edit form. Opening it takes the story's edit lock when no one else holds it (EditLocks).</summary>
public class EditModel(NewsRoomDb db, ArticleWorkflow workflow, TimeProvider clock, IAuthorizationService authorization, EditLocks locks)
    : ArticleFormModel(db, workflow, clock, authorization)
{
    /// <summary>Someone else who has this story's form open, shown as "X 正在编辑".</summary>
    public LockHolder? LockedBy { get; private set; }

    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, cancellationToken);
        if (shown is PageResult)
        {
            LockedBy = await locks.TryTakeAsync(id, UserName, cancellationToken);
        }
        return shown;
    }

    /// <summary>接管: the caller holds the lock from now on; the one who had it is told when their form next renews it.</summary>
    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostTakeOverAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await locks.TakeOverAsync(id, UserName, cancellationToken);
        return Redirect($"/editor/articles/{id}");
    }

    /// <summary>Renewed by editor.js while the form is open: 204 while the caller holds the lock, 409 with who took it.</summary>
    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnPostRenewLockAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (await locks.RenewAsync(id, UserName, cancellationToken))
        {
            return new NoContentResult();
        }
        var holder = await locks.OtherHolderAsync(id, UserName, cancellationToken);
        return new ConflictObjectResult(holder is null ? "编辑锁已失效，请刷新页面。" : $"{holder.HolderName ?? holder.HeldBy} 已接管编辑（{holder.Since.ToChinaTime("HH:mm")} 起），请刷新页面。");
    }

    private string UserName => User.Identity?.Name ?? "?";
}
