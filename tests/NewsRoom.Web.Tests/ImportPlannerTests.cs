namespace NewsRoom.Web.Tests;

/// <summary>The import plan is decided from the reading and what the store holds, with no store, no clock and no host.</summary>
public class ImportPlannerTests
{
    private static ParsedArticle Story(string headline, string body) =>
        new(ArticleKind.Article, null, null, headline, null, [], null, [body], [], [], [], FirstLine: 0);

    private static PageDumpReading Reading(params ParsedArticle[] articles) =>
        new(new ParsedIssue("plan.txt", null, null, null, articles, [], [], []), null, "UTF-8", null);

    // What an earlier import of these stories left in the store, at these ids, in this order.
    private static List<Article> Stored(params (int Id, ParsedArticle Story)[] stories)
    {
        var keys = ImportKeys.For([.. stories.Select(s => s.Story)]);
        return [.. stories.Select((s, i) => new Article
        {
            Id = s.Id,
            Kind = s.Story.Kind,
            Headline = s.Story.Headline,
            Body = s.Story.Body[0],
            Status = ArticleStatus.Published,
            PagePosition = i,
            ImportKey = keys[i],
            ImportFingerprint = ImportKeys.Fingerprint(s.Story),
        })];
    }

    [Fact]
    public void Plan_SortsEveryStoryIntoAddMergeTakeDownLeaveOrConflict()
    {
        ParsedArticle same = Story("同样的稿子", "一字未改。"), moved = Story("挪了位置的稿子", "位置变了。"),
            changed = Story("改了正文的稿子", "旧正文。"), edited = Story("编辑改过的稿子", "旧的。"), gone = Story("不见了的稿子", "这篇没了。");
        var stored = Stored((1, same), (2, changed), (3, moved), (4, edited), (5, gone));
        stored[3].EditedSinceImport = true;

        var plan = ImportPlanner.Plan("plan.txt", "hash", Reading(
            same, Story("新来的稿子", "第一次出现。"), Story(changed.Headline!, "新正文。"), moved, Story(edited.Headline!, "新的。")),
            new StoredFile("hash", stored));

        Assert.Equal(FileImportState.Changed, plan.State);
        Assert.Equal([1], plan.Unchanged.Select(p => p.ArticleId));
        Assert.Equal("新来的稿子", Assert.Single(plan.Added).Title);
        Assert.Equal(1, plan.Added[0].Position);
        // Merged in place: the same ids, at their new places on the page.
        Assert.Equal([(2, 2), (3, 3)], plan.Updated.Select(p => (p.ArticleId!.Value, p.Position!.Value)));
        Assert.Equal(5, Assert.Single(plan.Removed).ArticleId);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal((4, 4), (conflict.ArticleId, conflict.Position!.Value));
    }

    [Fact]
    public void Plan_OfTheSameReadingAndBytes_IsUnchanged()
    {
        ParsedArticle a = Story("甲稿", "甲文。"), b = Story("乙稿", "乙文。");

        var plan = ImportPlanner.Plan("plan.txt", "hash", Reading(a, b), new StoredFile("hash", Stored((7, a), (8, b))));

        Assert.Equal(FileImportState.Unchanged, plan.State);
        Assert.Equal([7, 8], plan.Unchanged.Select(p => p.ArticleId));
    }
}
