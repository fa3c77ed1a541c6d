using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages.Articles;

/// <summary>
/// The answer at a retracted story's address: 410 Gone, so search engines drop it, with a page that tells readers
/// the story was withdrawn and why (_Retracted). Not cached: the reader cache keeps only 200 answers.
/// </summary>
internal static class RetractedArticleResult
{
    public static IActionResult For(PageModel page, RetractionNotice notice)
    {
        var result = page.Partial("_Retracted", notice);
        result.StatusCode = StatusCodes.Status410Gone;
        return result;
    }
}
