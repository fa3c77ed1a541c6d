using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Pages.Editor.Articles;

public class HistoryModel(NewsRoomDb db, ArticleWorkflow workflow, IAuthorizationService authorization) : PageModel
{
    public int ArticleId { get; private set; }
    public string? Headline { get; private set; }
    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];

    /// <summary>The older revision of the comparison.</summary>
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>The newer revision of the comparison.</summary>
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<DiffRun> Diff { get; private set; } = [];

    /// <summary>
    /// Whether the caller may put an old text back: 编辑 and up, and only 总编辑 on a story readers see (as on the form).
    /// A reporter only reads their draft's history.
    /// </summary>
    public bool MayRestore { get; private set; }

    [HandlerPolicy(Policies.Desk)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Headline, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        ArticleId = id;
        Headline = article.Headline;
        MayRestore = article.Status is ArticleStatus.Published or ArticleStatus.Scheduled
            ? (await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded
            : (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        Revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.Id)
            .Select(r => new RevisionRow(r.Id, r.CreatedAt, r.CreatedBy, r.Action, r.Comment))
            .ToListAsync(cancellationToken);
        if (Revisions.Count == 0)
        {
            return Page();
        }
        // By default the latest change: the newest revision against the one before it.
        To ??= Revisions[0].Id;
        From ??= Revisions.Count > 1 ? Revisions[1].Id : Revisions[0].Id;
        var ids = new[] { From.Value, To.Value };
        var snapshots = await db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == id && ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Snapshot, cancellationToken);
        if (!snapshots.TryGetValue(From.Value, out var older) || !snapshots.TryGetValue(To.Value, out var newer))
        {
            return NotFound();
        }
        var regionNames = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        Diff = RevisionText.Diff(
            RevisionText.Of(ArticleSnapshot.FromJson(older), regionNames),
            RevisionText.Of(ArticleSnapshot.FromJson(newer), regionNames));
        return Page();
    }

    /// <summary>Puts an old text back: an editor's step, as any change to a story in review is.</summary>
    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostRestoreAsync(int id, int revisionId, CancellationToken cancellationToken)
    {
        // The restore form has no field a person types; one refused (FormControlCharacters) is not a browser's post.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        // As on the form: what readers see changes only with 总编辑's sign-off.
        var status = await db.Articles.Where(a => a.Id == id).Select(a => (ArticleStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is ArticleStatus.Published or ArticleStatus.Scheduled && !(await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var outcome = await workflow.RestoreAsync(id, revisionId, User.Identity?.Name ?? "?", cancellationToken);
        return outcome.Kind == SaveOutcomeKind.NotFound ? NotFound() : Redirect($"/editor/articles/{id}/history");
    }

    public sealed record RevisionRow(int Id, DateTime CreatedAt, string? CreatedBy, string? Action, string? Comment);
}
