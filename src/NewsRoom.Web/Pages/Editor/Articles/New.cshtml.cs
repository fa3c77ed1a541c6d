using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace NewsRoom.Web.Pages.Editor.Articles;

public class NewModel(NewsRoomDb db, ArticleWorkflow workflow, TimeProvider clock, IAuthorizationService authorization) : ArticleFormModel(db, workflow, clock, authorization)
{
    [HandlerPolicy(Policies.Desk)]
    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);
}
