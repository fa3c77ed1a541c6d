namespace NewsRoom.Web.Tests;

/// <summary>
/// The edition pages read one paper, one edition, one page through their indexes: their plans search, never scan, so
/// a page of 18 stories or a month's calendar costs the same with ten years of editions in the store as with one.
/// </summary>
public sealed class EditionQueryPlanTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private static readonly DateOnly Day = new(2024, 6, 3);

    public static TheoryData<string> Queries => ["edition", "strip", "stories", "calendar", "latest"];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EditionQuery_SearchesItsIndexes_AndScansNoTable(string query)
    {
        var plan = await factory.WithDbAsync(db => query switch
        {
            // The printed page: its edition, the day's page strip, the page's stories.
            "edition" => QueryPlans.ExplainAsync(db, db.Editions.Where(e => e.PaperId == 1 && e.PrintDate == Day).Readable().Select(e => e.Id)),
            "strip" => QueryPlans.ExplainAsync(db, db.Issues.Where(p => p.EditionId == 1).Readable().InPrintOrder().Select(p => new { p.Id, p.PageNumber, p.PageName })),
            "stories" => QueryPlans.ExplainAsync(db, db.PublishedArticles.Where(a => a.IssueId == 1).OrderBy(a => a.PagePosition).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Headline, Credits = a.Bylines.Select(b => b.Person.Name).ToList() })),
            // The calendar's month and the month before it.
            "calendar" => QueryPlans.ExplainAsync(db, db.Editions.Where(e => e.PaperId == 1).Readable()
                .Where(e => e.PrintDate >= Day && e.PrintDate < Day.AddMonths(1)).Select(e => e.PrintDate)),
            _ => QueryPlans.ExplainAsync(db, db.Editions.Where(e => e.PaperId == 1 && e.PrintDate < Day).Readable().OrderByDescending(e => e.PrintDate).Select(e => e.PrintDate).Take(1)),
        });

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal) && query != "strip");
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal));
    }
}
