using Microsoft.AspNetCore.Mvc;

namespace NewsRoom.Web.Pages.Editor.Articles;

public class EditModel(NewsRoomDb db, ArticleWorkflow workflow, TimeProvider clock) : ArticleFormModel(db, workflow, clock)
{
    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);
}
