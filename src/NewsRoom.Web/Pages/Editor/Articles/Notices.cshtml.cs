using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsRoom.Web.Data.Configurations;

namespace NewsRoom.Web.Pages.Editor.Articles;

/// <summary>
/// 更正与撤稿 of one story: a chief editor adds a 更正 or 说明 to it or retracts it with a reason; an admin undoes a
/// retraction. Each handler asks for its role itself ([HandlerPolicy]): the desk folder admits more people than may do this.
/// </summary>
public class NoticesModel(NewsRoomDb db, ArticleWorkflow workflow, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public int ArticleId { get; private set; }
    public string? Headline { get; private set; }
    public ArticleStatus Status { get; private set; }
    public IReadOnlyList<Correction> Corrections { get; private set; } = [];
    public IReadOnlyList<Retraction> Retractions { get; private set; } = [];

    /// <summary>The signed-in person may add corrections and retract (总编辑, 管理员).</summary>
    public bool MayCorrectAndRetract { get; private set; }

    /// <summary>The signed-in person may undo a retraction (管理员).</summary>
    public bool MayUndoRetraction { get; private set; }

    public CorrectionInput Correction { get; private set; } = new();

    public RetractionInput Retraction { get; private set; } = new();

    /// <summary>What the last post did, after its redirect: corrected, retracted or restored.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    // Editors may read a story's notices (the internal notes of its retractions included); reporters have no part here.
    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Correction = new CorrectionInput { Kind = CorrectionKind.Correction, Date = TodayInBeijing() };
        return await ShowAsync(id, cancellationToken);
    }

    [HandlerPolicy(Policies.ChiefEditor)]
    public async Task<IActionResult> OnPostCorrectAsync(int id, [Bind(Prefix = nameof(Correction))] CorrectionInput correction, CancellationToken cancellationToken)
    {
        // Bound per handler, with its prefix: each form posts its own fields, and the other form's are no error of this post.
        Correction = correction;
        var text = RequireVisibleText(BidiControls.StripToNull(Correction.Text), $"{nameof(Correction)}.{nameof(CorrectionInput.Text)}", "请填写更正或说明的内容。");
        if (Correction.Date > TodayInBeijing())
        {
            // A notice tells what the paper has corrected, never what it will.
            ModelState.AddModelError($"{nameof(Correction)}.{nameof(CorrectionInput.Date)}", "更正或说明的日期不能晚于今天（北京时间）。");
        }
        if (!ModelState.IsValid || text is null)
        {
            return await ShowAsync(id, cancellationToken);
        }
        var request = new CorrectionRequest(id, Correction.Kind!.Value, text, Correction.Date!.Value, UserName);
        return await AfterAsync(id, await workflow.CorrectAsync(request, cancellationToken), "corrected", cancellationToken);
    }

    [HandlerPolicy(Policies.ChiefEditor)]
    public async Task<IActionResult> OnPostRetractAsync(int id, [Bind(Prefix = nameof(Retraction))] RetractionInput retraction, CancellationToken cancellationToken)
    {
        Retraction = retraction;
        var reason = RequireVisibleText(BidiControls.StripToNull(Retraction.PublicReason), $"{nameof(Retraction)}.{nameof(RetractionInput.PublicReason)}", RetractionInput.ReasonMissing);
        if (!ModelState.IsValid || reason is null)
        {
            return await ShowAsync(id, cancellationToken);
        }
        var request = new RetractionRequest(id, reason, BidiControls.StripToNull(Retraction.InternalNote), UserName);
        return await AfterAsync(id, await workflow.RetractAsync(request, cancellationToken), "retracted", cancellationToken);
    }

    [HandlerPolicy(Policies.Admin)]
    public async Task<IActionResult> OnPostUndoRetractionAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // The form has no field a person types; one refused (FormControlCharacters) is not a browser's post.
            return BadRequest();
        }
        return await AfterAsync(id, await workflow.UndoRetractionAsync(id, UserName, cancellationToken), "restored", cancellationToken);
    }

    private string UserName => User.Identity?.Name ?? "?";

    // Text made only of invisible direction marks passes [Required] but is nothing once they are stripped.
    private string? RequireVisibleText(string? text, string field, string message)
    {
        if (text is null && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(field, message);
        }
        return text;
    }

    private DateOnly TodayInBeijing() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + ChinaTime.Offset);

    private async Task<IActionResult> AfterAsync(int id, NoticeOutcome outcome, string done, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case NoticeOutcome.Done:
                return Redirect($"/editor/articles/{id}/notices?done={done}");
            case NoticeOutcome.NotFound:
                return NotFound();
            case NoticeOutcome.WrongStatus:
                ModelState.AddModelError(string.Empty, done == "restored" ? "这篇稿件没有被撤稿，无需撤销。" : "只有已发布的稿件可以更正或撤稿。");
                break;
            default:
                ModelState.AddModelError(string.Empty, "稿件刚刚被别人修改，未做任何更改，请重试。");
                break;
        }
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Headline, a.DisplayTitle, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        (ArticleId, Headline, Status) = (id, article.Headline ?? article.DisplayTitle, article.Status);
        Corrections = await db.Corrections.AsNoTracking().Where(c => c.ArticleId == id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        Retractions = await db.Retractions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.RetractedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        MayCorrectAndRetract = (await authorization.AuthorizeAsync(User, Policies.ChiefEditor)).Succeeded;
        MayUndoRetraction = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        return Page();
    }

    public sealed class CorrectionInput
    {
        // A number that is no kind ("7") the model binder refuses itself: "“7”无效。".
        [Required(ErrorMessage = "请选择“更正”或“说明”。")]
        public CorrectionKind? Kind { get; set; }

        [Required(ErrorMessage = "请填写更正或说明的内容。")]
        [StringLength(CorrectionConfiguration.TextLength, ErrorMessage = "更正或说明不能超过 {1} 个字。")]
        public string? Text { get; set; }

        [Required(ErrorMessage = "请填写更正或说明的日期。")]
        public DateOnly? Date { get; set; }
    }

    public sealed class RetractionInput
    {
        public const string ReasonMissing = "请填写撤稿理由：读者将在原文地址看到这段话。";

        [Required(ErrorMessage = ReasonMissing)]
        [StringLength(RetractionConfiguration.ReasonLength, ErrorMessage = "撤稿理由不能超过 {1} 个字。")]
        public string? PublicReason { get; set; }

        [StringLength(RetractionConfiguration.ReasonLength, ErrorMessage = "内部备注不能超过 {1} 个字。")]
        public string? InternalNote { get; set; }
    }
}
