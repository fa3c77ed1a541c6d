namespace NewsRoom.Ingest;

/// <summary>Stage 7, the parsed issue: drafts become articles with their regions, and the page gets its facts.</summary>
internal static class IssueAssembler
{
    public static ParsedIssue Assemble(PageState state)
    {
        var items = state.Items;
        var masthead = Masthead.Read(state.Furniture);
        var facts = IssueFacts.Infer(state.Text, items, masthead, state.Warn);
        // Each paragraph is scanned for places once: the page's league and the article's regions read the same
        // strings (a paragraph without stray spaces is passed on as the same string).
        var found = new Dictionary<string, List<RegionFinder.Mention>>(ReferenceEqualityComparer.Instance);
        List<RegionFinder.Mention> Find(string text) => found.TryGetValue(text, out var m) ? m : found[text] = RegionFinder.InnerMongolia.Find(text);
        var pageLeague = RegionFinder.InnerMongolia.PageLeague(items.SelectMany(d => d.Body.Select(p => p.Text).Prepend(d.Title)), Find);
        var built = new Dictionary<Draft, ParsedArticle>(ReferenceEqualityComparer.Instance);
        foreach (var d in items)
        {
            built[d] = Build(d, facts.HomeRegion, pageLeague, Find);
        }
        // A photo taken out of a story is about where the story is, when its caption names no place.
        var articles = items.Select(d => d.Host is not null && built[d].Regions.Count == 0 && built.TryGetValue(d.Host, out var host)
            ? built[d] with { Regions = host.Regions.Take(1).ToList() }
            : built[d]).ToList();
        // Warnings in page order, whichever stage raised them.
        var warnings = state.Warnings.Select((w, k) => (w, k)).OrderBy(x => PageState.LineOf(x.w)).ThenBy(x => x.k).Select(x => x.w).ToList();
        return new ParsedIssue(state.FileName, facts.Paper, facts.HomeRegion, facts.Date, articles, state.Furniture, state.Unplaced, warnings)
        {
            Page = masthead.Page,
            PageName = masthead.PageName,
        };
    }

    public static ParsedArticle Build(Draft d, string? homeRegion, int pageLeague, Func<string, List<RegionFinder.Mention>> find)
    {
        var body = new List<string>(d.Body.Count);
        foreach (var p in d.Body)
        {
            body.Add(p.Kind switch
            {
                ParaKind.Text => TextRules.RemoveStraySpaces(p.Text),
                ParaKind.Subhead => TextRules.CollapseSpaces(p.Text),
                _ => p.Text,
            });
        }
        var photos = d.Photos.Select(p => new ParsedPhoto(
            p.Title,
            TextRules.RemoveStraySpaces(p.Caption) + (p.PrintedCredit is null ? string.Empty : " " + p.PrintedCredit),
            p.Credits)).ToList();
        var (regions, places) = ArticleRegions.Find(d, body, photos, homeRegion, pageLeague, find);
        var headline = d.Headline is null ? null : TextRules.CollapseSpaces(d.Headline);
        return new ParsedArticle(d.Kind, d.Column, d.Kicker, headline, d.Subheadline, d.Bylines, d.Dateline, body, photos, regions, places, d.FirstLine)
        {
            AsPrinted = d.AsPrinted,
            Continuation = d.Continuation,
            Tags = d.Tags,
        };
    }
}
