using Microsoft.AspNetCore.Mvc;

namespace NewsRoom.Web.Pages.Editor.Articles;

public class NewModel(NewsRoomDb db, ArticleWorkflow workflow, TimeProvider clock) : ArticleFormModel(db, workflow, clock)
{
    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);
}
