using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Reader;

/// <summary>
/// The old page-dump addresses answer with a permanent redirect to the digital edition (EditionAddresses): /issues to
/// /papers, /issues/{id} to the page's own address, so bookmarks and search engines follow the page where it is filed now.
/// </summary>
internal static class EditionRedirects
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapEditionRedirects(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/issues", GetAndHead, () => Results.Redirect("/papers", permanent: true));
        app.MapMethods("/issues/{id:int}", GetAndHead, IssueAsync);
        return app;
    }

    private static async Task<IResult> IssueAsync(int id, NewsRoomDb db, CancellationToken cancellationToken)
    {
        // Only a page readers can open has an address to send them to; a page with nothing published stays a 404.
        var page = await db.Issues.Where(p => p.Id == id).Readable()
            .Select(p => new { p.Id, p.PageNumber, p.Edition.PrintDate, p.Edition.Paper.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        return page is null
            ? Results.NotFound()
            : Results.Redirect(EditionAddresses.Page(page.Slug, page.PrintDate, page.PageNumber, page.Id), permanent: true);
    }
}
